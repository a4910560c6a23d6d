import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { advanceClock, resetClock } from "../../workflow/clock";
import { classifyLeadSource } from "./classify-lead-source";
import { convertLead } from "./convert-lead";
import { createLead, createLeads } from "./create-leads";
import { disqualifyLead } from "./disqualify-lead";
import { distributeLeads } from "./distribute-leads";
import { getLead } from "./get-lead";
import { parseLeadListQuery } from "./lead-lists.schema";
import { addAssignmentRule, deleteLeadRule, listLeadRules, setLeadStaleDays } from "./lead-rules";
import { runLeadSweep } from "./lead-sweep";
import { listLeads } from "./list-leads";
import { workLead } from "./work-lead";

const kinds = await dbKinds();
const DAY = 86_400_000;

describe.each(kinds)("leads (CRM-3) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const lead = (companyName: string) => t.db.lead.findFirstOrThrow({ where: { companyName } });
  const names = async (username: string, view = "mine", status = "open") => (await listLeads(t.db, await t.actor(username), parseLeadListQuery({ view, status }))).rows.map((r) => r.companyName).sort();
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });

  it("classifies the source by the first matching rule: channel, keyword in name or remark, campaign prefix", async () => {
    const rules = [
      { id: "k", position: 10, kind: "keyword", pattern: "展会、博览会", source: "exhibition" as const },
      { id: "c", position: 20, kind: "channel", pattern: "官网", source: "website" as const },
      { id: "p", position: 30, kind: "campaign", pattern: "AD", source: "advertisement" as const },
    ];
    expect(classifyLeadSource(rules, { companyName: "甲公司", remark: "博览会上认识", channel: "官网" })).toEqual({ source: "exhibition", ruleId: "k" });
    expect(classifyLeadSource(rules, { companyName: "甲公司", channel: " 官网 " })).toEqual({ source: "website", ruleId: "c" });
    expect(classifyLeadSource(rules, { companyName: "甲公司", campaignCode: "ad2026" })).toEqual({ source: "advertisement", ruleId: "p" });
    expect(classifyLeadSource(rules, { companyName: "甲公司" })).toEqual({ source: "other", ruleId: null });
    // The seeded default rules, on create.
    const sunli = await t.actor("sunli");
    expect((await createLead(t.db, sunli, { companyName: "南京展会测试机械有限公司", region: "江苏南京", channel: "电话", remark: "工博会展位来访" })).source).toBe("exhibition");
    expect((await createLead(t.db, sunli, { companyName: "合肥官网测试设备有限公司", channel: "官网" })).source).toBe("website");
    expect((await createLead(t.db, sunli, { companyName: "合肥广告测试设备有限公司", campaignCode: "AD-2026-11" })).source).toBe("advertisement");
    const made = await createLead(t.db, sunli, { companyName: "合肥其他测试设备有限公司" });
    expect(made).toMatchObject({ source: "other", ownerId: null, teamId: null });
    expect(made.code).toMatch(/^LD\d{6}$/);
    await expect(createLead(t.db, sunli, { companyName: "x", email: "nope" })).rejects.toMatchObject({ code: "validation", fieldErrors: { companyName: "validation.customer_name_short", email: "validation.invalid_email" } });
  });

  it("gives a team's leads round robin, evenly under concurrent creates, and by region to another team", async () => {
    const zhoujie = await t.actor("zhoujie");
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => createLead(t.db, zhoujie, { companyName: `常州轮转测试${i}号精密有限公司`, region: "江苏常州" })));
    const [sunli, gaoyan, majun] = await Promise.all([t.actor("sunli"), t.actor("gaoyan"), t.actor("majun")]);
    const owners = made.map((m) => m.ownerId);
    expect(owners.filter((o) => o === sunli.id)).toHaveLength(3);
    expect(owners.filter((o) => o === gaoyan.id)).toHaveLength(3);
    const south = await createLead(t.db, zhoujie, { companyName: "深圳区域测试电子有限公司", region: "广东深圳" });
    expect(south).toMatchObject({ ownerId: majun.id, teamId: majun.departmentId });
    expect(await t.db.notification.count({ where: { recipientId: majun.id, kind: "lead.assigned", link: `/crm/leads/${south.id}` } })).toBe(1);
    // A person rule before the region rules; removed again.
    const rule = await addAssignmentRule(t.db, await t.actor("admin"), { position: 1, kind: "industry", pattern: "液压", target: `employee:${gaoyan.id}` });
    expect((await createLead(t.db, zhoujie, { companyName: "广州液压测试有限公司", region: "广东广州", industry: "液压件" })).ownerId).toBe(gaoyan.id);
    await deleteLeadRule(t.db, await t.actor("admin"), "assignment", rule.id);
    expect((await listLeadRules(t.db, await t.actor("admin"))).assignments).toHaveLength(2);
    await expect(listLeadRules(t.db, sunli)).rejects.toMatchObject({ code: "forbidden" });
    // The importer's entry point writes several in the caller's transaction.
    const rows = await t.db.$transaction((tx) => createLeads(tx, zhoujie, [{ companyName: "导入测试甲有限公司" }, { companyName: "导入测试乙有限公司" }]));
    expect(rows.map((r) => r.ownerId)).toEqual([null, null]);
  });

  it("shows a rep their own leads, a sales lead the department's and the pool; only the lead distributes, within the department", async () => {
    expect(await names("sunli", "pool")).toEqual(await names("sunli", "mine"));
    expect(await names("sunli")).toContain("杭州鼎力精密机械有限公司");
    expect(await names("majun")).not.toContain("杭州鼎力精密机械有限公司");
    expect(await names("zhoujie", "pool")).toEqual(expect.arrayContaining(["成都天齐精工机械有限公司", "无锡先导智能装备有限公司"]));
    expect(await names("heqiang", "team")).toContain("佛山市精锐模具有限公司");
    expect(await names("heqiang", "team")).not.toContain("杭州鼎力精密机械有限公司");
    const chengdu = await lead("成都天齐精工机械有限公司");
    const sunli = await t.actor("sunli");
    await expect(getLead(t.db, await t.actor("majun"), (await lead("杭州鼎力精密机械有限公司")).id)).rejects.toMatchObject({ code: "not_found" });
    await expect(distributeLeads(t.db, sunli, { ids: [chengdu.id], ownerId: sunli.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(distributeLeads(t.db, await t.actor("heqiang"), { ids: [chengdu.id], ownerId: sunli.id })).rejects.toMatchObject({ fieldErrors: { ownerId: "validation.owner_not_in_department" } });
    const wuxi = await lead("无锡先导智能装备有限公司");
    await distributeLeads(t.db, await t.actor("zhoujie"), { ids: [chengdu.id, wuxi.id], ownerId: sunli.id });
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: chengdu.id } })).toMatchObject({ ownerId: sunli.id, teamId: sunli.departmentId });
    expect(await t.db.auditLog.count({ where: { action: "lead.assign", entityId: { in: [chengdu.id, wuxi.id] } } })).toBe(2);
    expect(await names("sunli")).toEqual(expect.arrayContaining(["成都天齐精工机械有限公司", "无锡先导智能装备有限公司"]));
    expect(await names("zhoujie", "pool")).not.toContain("成都天齐精工机械有限公司");
  });

  it("converts a lead into a new customer with its contact and the opportunity stub, once; links a duplicate to the existing customer", async () => {
    const sunli = await t.actor("sunli");
    const chengdu = await lead("成都天齐精工机械有限公司");
    await expect(convertLead(t.db, await t.actor("gaoyan"), chengdu.id, {})).rejects.toMatchObject({ code: "not_found" });
    const done = await convertLead(t.db, sunli, chengdu.id, { opportunityName: "数控机床配套项目", expectedAmount: "1,200,000" });
    const customer = await t.db.customer.findUniqueOrThrow({ where: { id: done.customerId }, include: { contacts: true } });
    expect(customer).toMatchObject({ name: "成都天齐精工机械有限公司", ownerId: sunli.id, region: "四川成都", contactPhone: "028-8765 4321" });
    expect(customer.contacts).toMatchObject([{ name: "杨帆", primary: true }]);
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: chengdu.id }, include: { conversion: true } })).toMatchObject({ status: "converted", customerId: customer.id, conversion: { opportunityName: "数控机床配套项目", linkedExisting: false } });
    expect(Number((await t.db.leadConversion.findUniqueOrThrow({ where: { leadId: chengdu.id } })).expectedAmount)).toBe(1_200_000);
    await expect(convertLead(t.db, sunli, chengdu.id, {})).rejects.toMatchObject({ code: "lead_closed" });
    await expect(disqualifyLead(t.db, sunli, chengdu.id, { reason: "重复" })).rejects.toMatchObject({ code: "lead_closed" });

    const wuxi = await lead("无锡先导智能装备有限公司");
    const before = await t.db.customer.count();
    await expect(convertLead(t.db, sunli, wuxi.id, {})).rejects.toMatchObject({ code: "customer_duplicate", fieldErrors: { duplicateReason: "validation.customer_duplicate" } });
    const existing = await t.db.customer.findFirstOrThrow({ where: { name: "无锡先导智能装备股份有限公司" } });
    expect(await convertLead(t.db, sunli, wuxi.id, { customerId: existing.id })).toMatchObject({ customerId: existing.id, linkedExisting: true });
    expect(await t.db.customer.count()).toBe(before);
    expect(await t.db.auditLog.count({ where: { action: "lead.convert", entityId: wuxi.id } })).toBe(1);
  });

  it("refuses work on someone else's lead; disqualifies with the reason required", async () => {
    const [sunli, gaoyan] = await Promise.all([t.actor("sunli"), t.actor("gaoyan")]);
    // sunli enters a lead the round robin may give to gaoyan: sunli sees it but does not work it.
    const made = await createLead(t.db, sunli, { companyName: "苏州他人测试精密有限公司", region: "江苏苏州" });
    const other = made.ownerId === gaoyan.id ? made : await createLead(t.db, sunli, { companyName: "苏州他人测试二号精密有限公司", region: "江苏苏州" });
    expect(other.ownerId).toBe(gaoyan.id);
    expect((await getLead(t.db, sunli, other.id)).mayWork).toBe(false);
    await expect(workLead(t.db, sunli, other.id, { note: "打过电话" })).rejects.toMatchObject({ code: "lead_not_yours" });
    await expect(disqualifyLead(t.db, gaoyan, other.id, { reason: " " })).rejects.toMatchObject({ fieldErrors: { reason: "validation.reason_required" } });
    await disqualifyLead(t.db, gaoyan, other.id, { reason: "重复询价" });
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "disqualified", disqualifyReason: "重复询价" });
    expect((await getLead(t.db, gaoyan, other.id)).history[0]).toMatchObject({ action: "lead.disqualify", note: "重复询价", by: "高燕" });
  });

  it("reminds the owner of a lead unworked for the set days once per stale episode", async () => {
    const zhoujie = await t.actor("zhoujie");
    await setLeadStaleDays(t.db, zhoujie, { days: 2 });
    const made = await createLead(t.db, zhoujie, { companyName: "扬州提醒测试机械有限公司", region: "江苏扬州" });
    const count = () => t.db.notification.count({ where: { recipientId: made.ownerId!, kind: "lead.stale", link: `/crm/leads/${made.id}` } });
    await runLeadSweep(t.db);
    expect(await count()).toBe(0);
    advanceClock(3 * DAY);
    await runLeadSweep(t.db);
    await runLeadSweep(t.db);
    expect(await count()).toBe(1);
    const owner = (await t.db.employee.findUniqueOrThrow({ where: { id: made.ownerId! } })).username;
    await workLead(t.db, await t.actor(owner), made.id, { note: "已发资料" });
    await runLeadSweep(t.db);
    expect(await count()).toBe(1);
    advanceClock(3 * DAY);
    await runLeadSweep(t.db);
    expect(await count()).toBe(2);
    resetClock();
  });
});
