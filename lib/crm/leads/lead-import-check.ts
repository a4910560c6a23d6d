import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import type { Db, Tx } from "../../db/client";
import { cleanInput, fieldErrorsOf } from "../../errors/parse-input";
import type { CheckedRow, ImportField, RawRow, RowProblem } from "../../imports/import-target";
import { parseCompanyName } from "../../names/company-name";
import { leadInput } from "./lead.schema";

/** The columns a lead import maps, with the header names people give them (an exhibition's or a website's export). */
export const LEAD_IMPORT_FIELDS: readonly ImportField[] = [
  { key: "companyName", required: true, aliases: ["公司名称", "企业名称", "单位名称", "客户名称", "公司", "名称", "company name", "company", "organisation", "organization", "name"] },
  { key: "contactName", aliases: ["联系人", "联系人姓名", "姓名", "contact name", "contact"] },
  { key: "phone", aliases: ["联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "phone", "mobile", "tel", "telephone"] },
  { key: "email", aliases: ["电子邮箱", "邮箱", "电子邮件", "邮件", "e-mail", "email", "mail"] },
  { key: "region", aliases: ["地区", "区域", "省份", "所在地区", "城市", "region", "province", "area"] },
  { key: "industry", aliases: ["行业", "所属行业", "industry"] },
  { key: "channel", aliases: ["渠道", "来源渠道", "获取渠道", "线索来源", "来源", "channel", "source"] },
  { key: "campaignCode", aliases: ["活动编码", "活动代码", "推广码", "活动", "campaign code", "campaign"] },
  { key: "remark", aliases: ["备注", "说明", "需求", "需求描述", "留言", "remark", "note", "notes", "comment"] },
];

export type LeadImportValue = {
  companyName: string;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  region: string | null;
  industry: string | null;
  channel: string | null;
  campaignCode: string | null;
  remark: string | null;
};

const PHONE = /^\+?[\d\s()-]{7,24}$/;

/** The digits of a phone number, as the duplicate keys compare them. */
const phoneDigits = (phone: string) => phone.replace(/\D/g, "");

/**
 * Each row as a lead: the rules of the lead form (lead.schema.ts) plus the phone format.
 * Two rows, or a row and a lead or customer, are the same company by the normalised
 * name; a lead also by its phone number. Source and owner are decided when it is written.
 */
export async function checkLeadRows(_db: Db | Tx, _actor: EmployeeActor, rows: RawRow[]): Promise<CheckedRow<LeadImportValue>[]> {
  return rows.map((row) => {
    const r = cleanInput(row.raw) as Record<string, string>;
    const problems: RowProblem[] = [];
    if (!r.companyName) problems.push({ key: "validation.required", field: "companyName" });
    const parsed = leadInput.safeParse({ ...r, companyName: r.companyName ?? "" });
    if (!parsed.success) {
      for (const [field, key] of Object.entries(fieldErrorsOf(parsed.error.issues))) {
        if (field === "companyName" && !r.companyName) continue;
        problems.push({ key, field });
      }
    }
    const phone = r.phone?.trim() || null;
    if (phone && (!PHONE.test(phone) || phoneDigits(phone).length < 7 || phoneDigits(phone).length > 15)) problems.push({ key: "validation.invalid_phone", field: "phone" });
    if (problems.length || !parsed.success) return { ...row, value: null, problems, keys: [] };
    const v = parsed.data;
    const key = parseCompanyName(v.companyName).key;
    const value: LeadImportValue = { companyName: v.companyName, contactName: v.contactName, phone: v.phone, email: v.email, region: v.region, industry: v.industry, channel: v.channel, campaignCode: v.campaignCode, remark: v.remark };
    return { ...row, value, problems, keys: [...(key.length >= 2 ? [`n:${key}`] : []), ...(v.phone ? [`p:${phoneDigits(v.phone)}`] : [])] };
  });
}
