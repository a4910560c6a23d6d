import "server-only";
import { SYSTEM, type EmployeeActor } from "../auth/actor";
import { loadEmployeeActor } from "../auth/load-actor";
import { syncRoles } from "../org/role-catalog";
import { createDepartment, updateDepartment } from "../org/save-department";
import { createEmployee, updateEmployee } from "../org/save-employee";
import { createGroup } from "../org/save-group";
import { createSupplier } from "../srm/create-supplier";
import { createSupplierUser } from "../srm/supplier-accounts";
import type { Db } from "./client";

export const DEMO_PASSWORD = "Demo@2026";

const DEPARTMENTS = [
  { code: "hq", nameZh: "华东精工制造有限公司", nameEn: "East China Precision Manufacturing Co." },
  { code: "management", nameZh: "总经办", nameEn: "Management", parent: "hq" },
  { code: "purchasing", nameZh: "采购部", nameEn: "Purchasing", parent: "hq" },
  { code: "quality", nameZh: "质量部", nameEn: "Quality", parent: "hq" },
  { code: "warehouse", nameZh: "仓储部", nameEn: "Warehouse", parent: "hq" },
  { code: "sales", nameZh: "销售部", nameEn: "Sales", parent: "hq" },
  { code: "design", nameZh: "设计部", nameEn: "Design", parent: "hq" },
  { code: "production", nameZh: "生产部", nameEn: "Production", parent: "hq" },
  { code: "finance", nameZh: "财务部", nameEn: "Finance", parent: "hq" },
];

const GROUPS = [
  { key: "management", nameZh: "管理层", nameEn: "Management" },
  { key: "purchasing", nameZh: "采购组", nameEn: "Purchasing" },
  { key: "quality", nameZh: "质检组", nameEn: "Quality" },
  { key: "warehouse", nameZh: "仓库组", nameEn: "Warehouse" },
  { key: "sales", nameZh: "销售组", nameEn: "Sales" },
  { key: "design", nameZh: "设计组", nameEn: "Design" },
  { key: "production", nameZh: "生产组", nameEn: "Production" },
  { key: "finance", nameZh: "财务组", nameEn: "Finance" },
  { key: "process_owners", nameZh: "流程负责人", nameEn: "Process owners" },
];

type Person = { username: string; name: string; dept: string; roles: string[]; groups: string[]; head?: boolean };
const PEOPLE: Person[] = [
  { username: "admin", name: "王磊", dept: "management", roles: ["admin", "process_owner"], groups: ["process_owners"] },
  { username: "zhangwei", name: "张伟", dept: "management", roles: ["manager"], groups: ["management"], head: true },
  { username: "liuyang", name: "刘洋", dept: "purchasing", roles: ["buyer_lead", "dept_admin"], groups: ["purchasing"], head: true },
  { username: "lina", name: "李娜", dept: "purchasing", roles: ["buyer"], groups: ["purchasing"] },
  { username: "chenjing", name: "陈静", dept: "quality", roles: ["quality", "manager"], groups: ["quality"], head: true },
  { username: "yangfan", name: "杨帆", dept: "quality", roles: ["quality"], groups: ["quality"] },
  { username: "zhaoqiang", name: "赵强", dept: "warehouse", roles: ["warehouse", "manager"], groups: ["warehouse"], head: true },
  { username: "xuming", name: "徐明", dept: "warehouse", roles: ["warehouse"], groups: ["warehouse"] },
  { username: "zhoujie", name: "周杰", dept: "sales", roles: ["sales_lead", "manager"], groups: ["sales"], head: true },
  { username: "sunli", name: "孙丽", dept: "sales", roles: ["sales"], groups: ["sales"] },
  { username: "wumin", name: "吴敏", dept: "design", roles: ["engineer", "manager"], groups: ["design"], head: true },
  { username: "zhenghao", name: "郑浩", dept: "production", roles: ["engineer", "manager"], groups: ["production"], head: true },
  { username: "huangting", name: "黄婷", dept: "finance", roles: ["finance", "manager"], groups: ["finance"], head: true },
];

const SUPPLIERS = [
  { code: "S001", name: "苏州精密五金有限公司", taxCode: "VAT13", paymentTermCode: "NET30", contactName: "钱峰", contactPhone: "0512-6688 1200", address: "江苏省苏州市工业园区星湖街 88 号", user: { username: "supplier1", name: "钱峰" } },
  { code: "S002", name: "宁波华东塑胶制品有限公司", taxCode: "VAT13", paymentTermCode: "NET60", contactName: "林晓", contactPhone: "0574-8765 4321", address: "浙江省宁波市北仑区明州路 17 号", user: { username: "supplier2", name: "林晓" } },
];

/**
 * The demo manufacturer, made through the domain functions so that it obeys the
 * same rules and leaves the same audit trail as real use. Safe to run again.
 */
export async function seedDemo(db: Db, log: (m: string) => void = () => {}) {
  await syncRoles(db);
  const admin = await ensureAdmin(db);

  const deptIds = new Map((await db.department.findMany()).map((d) => [d.code, d.id]));
  for (const d of DEPARTMENTS) {
    if (deptIds.has(d.code)) continue;
    const row = await createDepartment(db, admin, { code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, parentId: d.parent ? (deptIds.get(d.parent) ?? null) : null, headId: null });
    deptIds.set(d.code, row.id);
  }
  const groupKeys = new Set((await db.group.findMany()).map((g) => g.key));
  for (const g of GROUPS) if (!groupKeys.has(g.key)) await createGroup(db, admin, g);

  for (const p of PEOPLE) {
    let e = await db.employee.findUnique({ where: { username: p.username } });
    if (!e) {
      e = await createEmployee(db, admin, { username: p.username, name: p.name, departmentId: deptIds.get(p.dept), password: DEMO_PASSWORD, roles: p.roles, groups: p.groups, email: `${p.username}@demo.factory` });
      log(`employee ${p.username}`);
    } else if (p.username === "admin" && !e.departmentId) {
      await updateEmployee(db, admin, { id: e.id, name: e.name, departmentId: deptIds.get(p.dept), roles: p.roles, groups: p.groups, email: e.email ?? "" });
    }
    const dept = await db.department.findUnique({ where: { code: p.dept } });
    if (p.head && dept && !dept.headId) {
      await updateDepartment(db, admin, { id: dept.id, code: dept.code, nameZh: dept.nameZh, nameEn: dept.nameEn, parentId: dept.parentId, headId: e.id });
    }
  }

  for (const s of SUPPLIERS) {
    const { user, ...data } = s;
    const supplier = (await db.supplier.findUnique({ where: { code: s.code } })) ?? (await createSupplier(db, admin, { ...data, status: "active" }));
    if (!(await db.supplierUser.findUnique({ where: { username: user.username } }))) {
      await createSupplierUser(db, admin, { supplierId: supplier.id, username: user.username, name: user.name, password: DEMO_PASSWORD, email: `${user.username}@supplier.demo` });
      log(`supplier user ${user.username}`);
    }
  }
}

/** The first administrator is the one record made by the system itself. */
async function ensureAdmin(db: Db): Promise<EmployeeActor> {
  let admin = await db.employee.findUnique({ where: { username: "admin" } });
  admin ??= await createEmployee(db, SYSTEM, { username: "admin", name: "王磊", password: DEMO_PASSWORD, roles: ["admin", "process_owner"], groups: [] });
  const actor = await loadEmployeeActor(admin.id, db);
  if (!actor) throw new Error("seed: admin account is inactive");
  return actor;
}
