import "server-only";
import { SYSTEM, type EmployeeActor } from "../auth/actor";
import { loadEmployeeActor } from "../auth/load-actor";
import { syncRoles } from "../org/role-catalog";
import { createDepartment, updateDepartment } from "../org/save-department";
import { createEmployee, updateEmployee } from "../org/save-employee";
import { createGroup } from "../org/save-group";
import { saveMasterData, saveProduct } from "../erp/save-master-data";
import { createPurchaseOrder } from "../srm/create-purchase-order";
import { seedCrm } from "./seed-crm";
import { seedLeads } from "./seed-leads";
import { seedOpportunities } from "./seed-opportunities";
import { seedProductLibrary } from "./seed-product-library";
import { seedKnowledge } from "./seed-knowledge";
import { seedRequirementDemo } from "./seed-requirements";
import { createSupplier } from "../srm/create-supplier";
import { createSupplierUser } from "../srm/supplier-accounts";
import type { Db } from "../db/client";
import { seedCertificates } from "./seed-certificates";

export const DEMO_PASSWORD = "Demo@2026";

const DEPARTMENTS = [
  { code: "hq", nameZh: "华东精工制造有限公司", nameEn: "East China Precision Manufacturing Co." },
  { code: "management", nameZh: "总经办", nameEn: "Management", parent: "hq" },
  { code: "purchasing", nameZh: "采购部", nameEn: "Purchasing", parent: "hq" },
  { code: "quality", nameZh: "质量部", nameEn: "Quality", parent: "hq" },
  { code: "warehouse", nameZh: "仓储部", nameEn: "Warehouse", parent: "hq" },
  { code: "sales", nameZh: "销售部", nameEn: "Sales", parent: "hq" },
  { code: "sales-south", nameZh: "华南销售组", nameEn: "Sales South", parent: "sales" },
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
  { username: "gaoyan", name: "高燕", dept: "sales", roles: ["sales"], groups: ["sales"] },
  { username: "heqiang", name: "何强", dept: "sales-south", roles: ["sales_lead"], groups: ["sales"], head: true },
  { username: "majun", name: "马俊", dept: "sales-south", roles: ["sales"], groups: ["sales"] },
  { username: "wumin", name: "吴敏", dept: "design", roles: ["engineer", "manager"], groups: ["design"], head: true },
  { username: "zhenghao", name: "郑浩", dept: "production", roles: ["engineer", "manager"], groups: ["production"], head: true },
  { username: "huangting", name: "黄婷", dept: "finance", roles: ["finance", "manager"], groups: ["finance"], head: true },
];

const SUPPLIERS = [
  { code: "S001", name: "苏州精密五金有限公司", taxCode: "VAT13", paymentTermCode: "NET30", contactName: "钱峰", contactPhone: "0512-6688 1200", address: "江苏省苏州市工业园区星湖街 88 号", user: { username: "supplier1", name: "钱峰" } },
  { code: "S002", name: "宁波华东塑胶制品有限公司", taxCode: "VAT13", paymentTermCode: "NET60", contactName: "林晓", contactPhone: "0574-8765 4321", address: "浙江省宁波市北仑区明州路 17 号", user: { username: "supplier2", name: "林晓" } },
];

type MasterDataSeed = { kind: "paymentTerm" | "tax" | "currency" | "unit" | "warehouse" | "location" | "bin"; code: string; name: string; attrs?: Record<string, unknown> };
const MASTER_DATA: MasterDataSeed[] = [
  { kind: "paymentTerm", code: "NET30", name: "月结 30 天", attrs: { days: 30 } },
  { kind: "paymentTerm", code: "NET60", name: "月结 60 天", attrs: { days: 60 } },
  { kind: "tax", code: "VAT13", name: "增值税 13%", attrs: { rate: 0.13, type: "percentage" } },
  { kind: "tax", code: "VAT6", name: "增值税 6%", attrs: { rate: 0.06, type: "percentage" } },
  { kind: "currency", code: "CNY", name: "人民币", attrs: { symbol: "¥" } },
  { kind: "currency", code: "USD", name: "美元", attrs: { symbol: "US$" } },
  { kind: "currency", code: "EUR", name: "欧元", attrs: { symbol: "€" } },
  { kind: "unit", code: "PCS", name: "件", attrs: { symbol: "pcs" } },
  { kind: "unit", code: "KG", name: "千克", attrs: { symbol: "kg" } },
  { kind: "unit", code: "M", name: "米", attrs: { symbol: "m" } },
  { kind: "warehouse", code: "WH01", name: "苏州总仓" },
  { kind: "location", code: "WH01-IN", name: "WH01 收货区", attrs: { warehouseCode: "WH01", type: "input" } },
  { kind: "location", code: "WH01-STOCK", name: "WH01 存储区", attrs: { warehouseCode: "WH01", type: "storage" } },
  // Rejected goods wait here for their return to the supplier (receiving flow).
  { kind: "location", code: "WH01-QC", name: "WH01-QC 隔离区", attrs: { warehouseCode: "WH01", type: "quarantine" } },
  { kind: "bin", code: "WH01-STOCK-A01", name: "A 区 01 号库位", attrs: { locationCode: "WH01-STOCK" } },
  { kind: "bin", code: "WH01-STOCK-A02", name: "A 区 02 号库位", attrs: { locationCode: "WH01-STOCK" } },
  { kind: "bin", code: "WH01-STOCK-B01", name: "B 区 01 号库位", attrs: { locationCode: "WH01-STOCK" } },
];

const PRODUCTS = [
  { code: "P-1001", name: "不锈钢六角螺栓 M8×30", unitCode: "PCS", params: { spec: "M8×30", material: "SUS304", standard: "GB/T 5783", category: "紧固件" } },
  { code: "P-1002", name: "铝合金散热片 60×40", unitCode: "PCS", params: { spec: "60×40×12", material: "AL6063-T5", drawingNo: "DWG-HS-0640", category: "五金结构件" } },
  { code: "P-2001", name: "ABS 注塑外壳", unitCode: "PCS", params: { material: "ABS", color: "RAL 7035", drawingNo: "DWG-EN-2001", category: "塑胶件" } },
  { code: "P-3001", name: "冷轧钢板 1.5mm", unitCode: "KG", params: { thickness: "1.5mm", material: "SPCC", category: "原材料" } },
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
      // supplier1 administers S001's portal accounts; the demo password is published, so no change is forced.
      await createSupplierUser(db, admin, { supplierId: supplier.id, username: user.username, name: user.name, password: DEMO_PASSWORD, email: `${user.username}@supplier.demo`, isAdmin: user.username === "supplier1" }, { passwordKnownToUser: true });
      log(`supplier user ${user.username}`);
    }
  }

  // Built-in connector: the code lists and products the app maintains itself.
  const known = new Set((await db.masterData.findMany({ select: { kind: true, code: true } })).map((m) => `${m.kind}:${m.code}`));
  for (const m of MASTER_DATA) if (!known.has(`${m.kind}:${m.code}`)) await saveMasterData(db, admin, m);
  const products = new Set((await db.product.findMany({ select: { code: true } })).map((p) => p.code));
  for (const p of PRODUCTS) if (!products.has(p.code)) await saveProduct(db, admin, p);
  await seedCertificates(db, admin);
  await seedDemoPurchaseOrder(db, log);
  await seedCrm(db, log);
  await seedLeads(db, log);
  await seedKnowledge(db, log);
  await seedProductLibrary(db, admin, log);
  await seedOpportunities(db, log);
  await seedRequirementDemo(db, log);
}

/** One order for S001 whose confirmation waits in supplier1's portal (once the flow is published). */
async function seedDemoPurchaseOrder(db: Db, log: (m: string) => void) {
  const s001 = await db.supplier.findUnique({ where: { code: "S001" } });
  if (!s001 || (await db.purchaseOrder.count({ where: { supplierId: s001.id } }))) return;
  if (!(await db.processDefinition.count({ where: { key: "purchase_order_confirmation", status: "published" } }))) return;
  if ((await db.erpConnection.findUnique({ where: { id: "default" } }))?.kind === "tryton") return;
  const buyer = await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: "liuyang" } })).id, db);
  if (!buyer) return;
  const po = await createPurchaseOrder(db, buyer, {
    supplierId: s001.id,
    currencyCode: "CNY",
    lines: [
      { productCode: "P-1001", quantity: 5000, unitPrice: 0.35 },
      { productCode: "P-1002", quantity: 800, unitPrice: 4.2 },
    ],
  });
  log(`purchase order ${po.number}`);
}

/** The first administrator is the one record made by the system itself. */
async function ensureAdmin(db: Db): Promise<EmployeeActor> {
  let admin = await db.employee.findUnique({ where: { username: "admin" } });
  admin ??= await createEmployee(db, SYSTEM, { username: "admin", name: "王磊", password: DEMO_PASSWORD, roles: ["admin", "process_owner"], groups: [] });
  const actor = await loadEmployeeActor(admin.id, db);
  if (!actor) throw new Error("seed: admin account is inactive");
  return actor;
}
