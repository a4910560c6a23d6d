import "server-only";
import { z } from "zod";
import type { EmployeeActor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { cleanInput, fieldErrorsOf } from "../errors/parse-input";
import type { CheckedRow, ImportField, RawRow, RowProblem } from "../imports/import-target";
import { parseCompanyName } from "../names/company-name";
import { subtreeIds } from "../org/department-scope";
import { customerInput } from "./customer.schema";

/** The columns a customer import maps, with the header names people give them. */
export const CUSTOMER_IMPORT_FIELDS: readonly ImportField[] = [
  { key: "name", required: true, aliases: ["客户名称", "客户全称", "公司名称", "企业名称", "单位名称", "名称", "客户", "customer name", "company name", "customer", "company", "name"] },
  { key: "creditCode", aliases: ["统一社会信用代码", "社会信用代码", "信用代码", "税号", "纳税人识别号", "credit code", "uscc", "tax id"] },
  { key: "contactName", aliases: ["联系人", "联系人姓名", "联系人名称", "contact name", "contact"] },
  { key: "contactPhone", aliases: ["联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "phone", "mobile", "tel", "telephone"] },
  { key: "email", aliases: ["电子邮箱", "邮箱", "电子邮件", "邮件", "e-mail", "email", "mail"] },
  { key: "address", aliases: ["地址", "详细地址", "公司地址", "通讯地址", "address"] },
  { key: "region", aliases: ["地区", "区域", "省份", "所在地区", "城市", "region", "province", "area"] },
  { key: "industry", aliases: ["行业", "所属行业", "industry"] },
  { key: "level", aliases: ["客户级别", "客户等级", "级别", "等级", "level", "grade"] },
  { key: "tags", aliases: ["标签", "客户标签", "tags", "tag"] },
  { key: "owner", aliases: ["负责人用户名", "负责人账号", "负责人", "销售", "业务员", "owner username", "owner", "sales rep"] },
];

export type CustomerImportValue = {
  name: string;
  creditCode: string | null;
  industry: string | null;
  region: string | null;
  level: string | null;
  tags: string[];
  contactName: string | null;
  contactPhone: string | null;
  email: string | null;
  address: string | null;
  ownerId: string;
  teamId: string | null;
};

const PHONE = /^\+?[\d\s()-]{7,24}$/;
const email = z.email();

type Owner = { id: string; departmentId: string | null; roles: string[] };

/** The owners named in the rows, by username, with what decides whether the importer may give them customers. */
async function ownersOf(db: Db | Tx, actor: EmployeeActor, rows: RawRow[]) {
  const names = [...new Set(rows.map((r) => r.raw.owner?.trim()).filter(Boolean))] as string[];
  const found = names.length
    ? await db.employee.findMany({ where: { username: { in: names }, active: true }, select: { id: true, username: true, departmentId: true, roles: { select: { role: { select: { key: true } } } } } })
    : [];
  const byName = new Map<string, Owner>(found.map((e) => [e.username, { id: e.id, departmentId: e.departmentId, roles: e.roles.map((r) => r.role.key) }]));
  const mayAssign = hasPermission(actor, "customer.assign");
  const scope = mayAssign && !hasPermission(actor, "customer.view_all") ? new Set(actor.departmentId ? await subtreeIds(db, actor.departmentId) : []) : null;
  return { byName, mayAssign, scope };
}

/**
 * Each row as a customer: the same rules as the customer form (customer.schema.ts: name,
 * credit code check character, level, tags), plus phone and e-mail formats and the owner.
 * The owner column counts only for an importer who may assign (a sales lead: to the
 * sales people of their department); everyone else's rows are their own.
 */
export async function checkCustomerRows(db: Db | Tx, actor: EmployeeActor, rows: RawRow[]): Promise<CheckedRow<CustomerImportValue>[]> {
  const owners = await ownersOf(db, actor, rows);
  return rows.map((row) => {
    const r = cleanInput(row.raw) as Record<string, string>;
    const problems: RowProblem[] = [];
    if (!r.name) problems.push({ key: "validation.required", field: "name" });
    const parsed = customerInput.safeParse({ ...r, name: r.name ?? "", level: r.level ? r.level.toUpperCase() : null, sharedWithTeam: false });
    if (!parsed.success) {
      for (const [field, key] of Object.entries(fieldErrorsOf(parsed.error.issues))) {
        if (field === "name" && !r.name) continue;
        problems.push({ key: field === "level" ? "crmImport.reasons.badLevel" : key, field });
      }
    }
    const phone = r.contactPhone?.trim() || null;
    if (phone && (!PHONE.test(phone) || phone.replace(/\D/g, "").length < 7 || phone.replace(/\D/g, "").length > 15)) problems.push({ key: "validation.invalid_phone", field: "contactPhone" });
    const mail = r.email?.trim() || null;
    if (mail && !email.safeParse(mail).success) problems.push({ key: "validation.invalid_email", field: "email" });
    let owner: { id: string; teamId: string | null } = { id: actor.id, teamId: actor.departmentId };
    const username = r.owner?.trim();
    if (username) {
      const o = owners.byName.get(username);
      if (!o) problems.push({ key: "crmImport.reasons.unknownOwner", params: { owner: username }, field: "owner" });
      else if (owners.mayAssign) {
        if (!hasPermission({ realm: "employee", id: o.id, username, name: "", departmentId: o.departmentId, roles: o.roles, groups: [] }, "crm.view")) problems.push({ key: "validation.owner_not_sales", field: "owner" });
        else if (owners.scope && !(o.departmentId && owners.scope.has(o.departmentId))) problems.push({ key: "validation.owner_not_in_department", field: "owner" });
        else owner = { id: o.id, teamId: o.departmentId };
      }
    }
    if (problems.length || !parsed.success) return { ...row, value: null, problems, keys: [] };
    const v = parsed.data;
    const key = parseCompanyName(v.name).key;
    const value: CustomerImportValue = {
      name: v.name, creditCode: v.creditCode, industry: v.industry, region: v.region, level: v.level, tags: v.tags,
      contactName: v.contactName, contactPhone: v.contactPhone, email: mail, address: v.address, ownerId: owner.id, teamId: owner.teamId,
    };
    return { ...row, value, problems, keys: [...(key.length >= 2 ? [`n:${key}`] : []), ...(v.creditCode ? [`c:${v.creditCode}`] : [])] };
  });
}
