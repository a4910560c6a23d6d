import "server-only";
import { loadEmployeeActor } from "../auth/load-actor";
import { convertLead } from "../crm/leads/convert-lead";
import { createLead } from "../crm/leads/create-leads";
import { disqualifyLead } from "../crm/leads/disqualify-lead";
import type { LeadInput, LeadSource } from "../crm/leads/lead.schema";
import { addAssignmentRule, addSourceRule } from "../crm/leads/lead-rules";
import { workLead } from "../crm/leads/work-lead";
import type { Db } from "../db/client";

const SOURCE_RULES: { kind: "channel" | "keyword" | "campaign"; pattern: string; source: LeadSource }[] = [
  { kind: "keyword", pattern: "展会、博览会、展览会、工博会、展位", source: "exhibition" },
  { kind: "campaign", pattern: "EXPO", source: "exhibition" },
  { kind: "channel", pattern: "官网、网站、在线咨询", source: "website" },
  { kind: "channel", pattern: "转介绍、客户介绍", source: "referral" },
  { kind: "channel", pattern: "电话、陌拜", source: "cold_call" },
  { kind: "campaign", pattern: "AD", source: "advertisement" },
  { kind: "channel", pattern: "广告、百度、抖音", source: "advertisement" },
];

type DemoLead = LeadInput & { by: string; then?: { work?: string; disqualify?: string; linkTo?: string } };

/** Leads in every status: assigned by region, in the pool (no rule matches), worked, converted, disqualified. */
const LEADS: DemoLead[] = [
  { by: "zhoujie", companyName: "昆山华恒焊接股份有限公司", contactName: "徐刚", phone: "0512-5736 8000", region: "江苏昆山", industry: "焊接设备", channel: "展会", remark: "工博会展位来访，询问机器人焊接工作站" },
  { by: "zhoujie", companyName: "杭州鼎力精密机械有限公司", contactName: "沈洁", phone: "0571-8612 3456", region: "浙江杭州", industry: "机械加工", channel: "官网", remark: "官网留言询价", then: { work: "已电话联系，约下周拜访" } },
  { by: "heqiang", companyName: "佛山市精锐模具有限公司", contactName: "梁伟", phone: "0757-2233 4455", region: "广东佛山", industry: "模具", channel: "转介绍", remark: "东莞长盈介绍" },
  { by: "zhoujie", companyName: "成都天齐精工机械有限公司", contactName: "杨帆", phone: "028-8765 4321", region: "四川成都", industry: "机械加工", channel: "电话" },
  { by: "zhoujie", companyName: "武汉华锐自动化设备有限公司", contactName: "胡斌", phone: "027-8123 4567", region: "湖北武汉", industry: "自动化设备", campaignCode: "AD2026Q4" },
  { by: "zhoujie", companyName: "无锡先导智能装备有限公司", contactName: "钱坤", phone: "0510-8116 3001", channel: "电话", remark: "来电咨询新产线配套" },
  { by: "zhoujie", companyName: "苏州恒力精工机械有限公司", contactName: "陈志明", phone: "0512-6252 3300", region: "江苏苏州", industry: "机械加工", channel: "展会", remark: "展会上再次来访", then: { linkTo: "苏州恒力精工机械有限公司" } },
  { by: "zhoujie", companyName: "南通科达塑胶制品有限公司", contactName: "张勇", phone: "0513-8555 6666", region: "江苏南通", industry: "塑胶", channel: "百度", then: { disqualify: "只采购样品，没有批量需求" } },
];

/** The default lead rules and the demo leads, through the leads' own use-cases; once. */
export async function seedLeads(db: Db, log: (m: string) => void) {
  if ((await db.lead.count()) || (await db.leadSourceRule.count())) return;
  const actor = async (username: string) => (await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username } })).id, db))!;
  const admin = await actor("admin");
  for (const [i, r] of SOURCE_RULES.entries()) await addSourceRule(db, admin, { position: (i + 1) * 10, ...r });
  const team = async (code: string) => `team:${(await db.department.findUniqueOrThrow({ where: { code } })).id}`;
  await addAssignmentRule(db, admin, { position: 10, kind: "region", pattern: "广东、广西、福建、海南", target: await team("sales-south") });
  await addAssignmentRule(db, admin, { position: 20, kind: "region", pattern: "江苏、浙江、上海", target: await team("sales") });
  const lead = await actor("zhoujie");
  for (const { by, then, ...input } of LEADS) {
    const created = await createLead(db, await actor(by), input);
    if (then?.work) await workLead(db, lead, created.id, { note: then.work });
    if (then?.disqualify) await disqualifyLead(db, lead, created.id, { reason: then.disqualify });
    if (then?.linkTo) await convertLead(db, lead, created.id, { customerId: (await db.customer.findFirstOrThrow({ where: { name: then.linkTo } })).id });
    log(`lead ${created.code} ${input.companyName}`);
  }
}
