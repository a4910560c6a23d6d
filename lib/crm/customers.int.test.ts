import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { completeTask } from "../workflow/complete-task";
import { resetClock } from "../workflow/clock";
import { createCustomer } from "./create-customer";
import { setContactThresholds } from "./crm-settings";
import { parseCustomerListQuery } from "./customer-lists.schema";
import { visibleCustomer } from "./customer-scope";
import { findCustomerDuplicates } from "./find-customer-duplicates";
import { getCustomer } from "./get-customer";
import { listCustomers } from "./list-customers";
import { logCustomerContact } from "./log-customer-contact";
import { reassignCustomer } from "./reassign-customer";
import { shanghaiToday } from "./shanghai-day";
import { updateCustomer } from "./update-customer";

const kinds = await dbKinds();
const DAY = 86_400_000;
const list = (params: Record<string, string> = {}) => parseCustomerListQuery(params);

describe.each(kinds)("customers (CRM-1, CRM-2) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const id = async (name: string) => (await t.db.customer.findFirstOrThrow({ where: { name } })).id;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });

  it("warns of another team's customer by its varied name, with its owner and the reason, and refuses it without a reason", async () => {
    const majun = await t.actor("majun");
    const found = await findCustomerDuplicates(t.db, majun, { name: "恒力精工（苏州）" });
    expect(found[0]).toMatchObject({ name: "苏州恒力精工机械有限公司", ownerName: "孙丽", reason: "same_brand_trade", visible: false });
    expect((await findCustomerDuplicates(t.db, majun, { name: "Suzhou Hengli Precision Machinery Co., Ltd." }))[0]).toMatchObject({ name: "苏州恒力精工机械有限公司", reason: "pinyin" });
    await expect(createCustomer(t.db, majun, { name: "恒力精工（苏州）" })).rejects.toMatchObject({ code: "customer_duplicate", fieldErrors: { name: "validation.customer_duplicate" } });
    const made = await createCustomer(t.db, majun, { name: "恒力精工（苏州）", duplicateReason: "华南分厂单独结算" });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "customer.create", entityId: made.id } });
    expect(audit.after).toMatchObject({ duplicateReason: "华南分厂单独结算", likelyDuplicates: [{ reason: "same_brand_trade" }] });
    expect(made.code).toMatch(/^CU\d{6}$/);
  });

  it("checks the credit code's check character and its uniqueness", async () => {
    const sunli = await t.actor("sunli");
    await expect(createCustomer(t.db, sunli, { name: "苏州新创模具有限公司", creditCode: "91320594MA1MXY8J2T" })).rejects.toMatchObject({ code: "validation", fieldErrors: { creditCode: "validation.credit_code_checksum" } });
    await expect(createCustomer(t.db, sunli, { name: "苏州新创模具有限公司", creditCode: "9132 0594 ma1m xy8j 2x" })).rejects.toMatchObject({ code: "customer_credit_code_taken" });
    const before = await t.db.customer.count();
    await expect(createCustomer(t.db, sunli, { name: "x" })).rejects.toMatchObject({ code: "validation" });
    expect(await t.db.customer.count()).toBe(before);
  });

  it("shows a rep their own and their team's shared customers, a lead the department's, and nobody else's", async () => {
    const names = async (username: string, view = "all") => (await listCustomers(t.db, await t.actor(username), list({ view }))).rows.map((r) => r.name).sort();
    expect(await names("sunli")).toEqual(["宁波拓普集团股份有限公司", "常州星宇车灯股份有限公司", "无锡先导智能装备股份有限公司", "杭州海康威视数字技术股份有限公司", "苏州恒力精工机械有限公司"].sort());
    expect(await names("majun")).toEqual(["东莞市长盈精密技术有限公司", "中山大洋电机股份有限公司", "恒力精工（苏州）"].sort());
    expect(await names("heqiang")).toEqual(await names("majun"));
    expect((await names("zhoujie")).length).toBe(9);
    expect(await names("zhoujie", "mine")).toEqual([]);
    await expect(visibleCustomer(t.db, await t.actor("majun"), await id("苏州恒力精工机械有限公司"), { id: true })).rejects.toMatchObject({ code: "not_found" });
    await expect(getCustomer(t.db, await t.actor("heqiang"), await id("江苏恒立液压股份有限公司"))).rejects.toMatchObject({ code: "not_found" });
    await expect(listCustomers(t.db, await t.actor("liuyang"), list())).rejects.toMatchObject({ code: "forbidden" });
    // A team-mate sees a shared customer but does not change it.
    await expect(updateCustomer(t.db, await t.actor("gaoyan"), await id("常州星宇车灯股份有限公司"), { name: "常州星宇车灯股份有限公司", level: "A" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists the longest uncontacted first with days and colours by the lead's thresholds", async () => {
    const sunli = await t.actor("sunli");
    const mine = await listCustomers(t.db, sunli, list({ view: "mine" }));
    expect(mine.rows.map((r) => [r.name, r.days, r.tone])).toEqual([
      ["宁波拓普集团股份有限公司", 120, "cold"],
      ["无锡先导智能装备股份有限公司", 75, "alert"],
      ["常州星宇车灯股份有限公司", 45, "warn"],
      ["苏州恒力精工机械有限公司", 3, "ok"],
    ]);
    expect((await listCustomers(t.db, sunli, list({ view: "mine", contact: "alert" }))).rows.map((r) => r.name)).toEqual(["宁波拓普集团股份有限公司", "无锡先导智能装备股份有限公司"]);
    expect((await listCustomers(t.db, sunli, list({ q: "hlj" }))).rows.map((r) => r.name)).toEqual(["苏州恒力精工机械有限公司"]);
    expect((await listCustomers(t.db, sunli, list({ q: "6252" }))).rows.map((r) => r.name)).toEqual(["苏州恒力精工机械有限公司"]);
    await expect(setContactThresholds(t.db, sunli, { warn: 20, alert: 40, cold: 80 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setContactThresholds(t.db, await t.actor("zhoujie"), { warn: 50, alert: 40, cold: 80 })).rejects.toMatchObject({ code: "validation" });
    await setContactThresholds(t.db, await t.actor("zhoujie"), { warn: 20, alert: 40, cold: 70 });
    expect((await listCustomers(t.db, sunli, list({ view: "mine" }))).rows.map((r) => r.tone)).toEqual(["cold", "cold", "alert", "ok"]);
  });

  it("turns a next follow-up into a task in the owner's inbox on that day, whose answer is the next contact log", async () => {
    const sunli = await t.actor("sunli");
    const customerId = await id("常州星宇车灯股份有限公司");
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + DAY).toISOString().slice(0, 10);
    await expect(logCustomerContact(t.db, sunli, { customerId, kind: "call", note: "报价已发", nextFollowUp: "2020-01-01" })).rejects.toMatchObject({ fieldErrors: { nextFollowUp: "validation.date_in_past" } });
    await logCustomerContact(t.db, sunli, { customerId, kind: "call", note: "报价已发，等采购回复", nextFollowUp: tomorrow });
    const instance = await t.db.processInstance.findFirstOrThrow({ where: { recordType: "Customer", recordId: customerId } });
    expect(await t.db.task.count({ where: { instanceId: instance.id, status: "open" } })).toBe(0);
    await drainJobs(t.db, 2 * DAY);
    const task = await t.db.task.findFirstOrThrow({ where: { instanceId: instance.id, status: "open" } });
    expect(task).toMatchObject({ name: "跟进客户", assigneeId: sunli.id });
    expect((await getCustomer(t.db, sunli, customerId)).tasks).toMatchObject([{ name: "跟进客户", mine: true }]);
    await completeTask(t.db, sunli, { taskId: task.id, data: { logKind: "visit", logNote: "上门拜访，确认下季度订单" } });
    await drainJobs(t.db);
    const detail = await getCustomer(t.db, sunli, customerId);
    expect(detail.logs[0]).toMatchObject({ kind: "visit", note: "上门拜访，确认下季度订单", byName: "孙丽" });
    expect(detail.days).toBe(0);
    expect(detail.tasks).toEqual([]);
    expect(shanghaiToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("lets the sales lead give a customer to another rep of the department, audited", async () => {
    const customerId = await id("常州星宇车灯股份有限公司");
    await expect(reassignCustomer(t.db, await t.actor("heqiang"), customerId, { ownerId: (await t.actor("majun")).id })).rejects.toMatchObject({ code: "not_found" });
    await expect(reassignCustomer(t.db, await t.actor("zhoujie"), customerId, { ownerId: (await t.actor("liuyang")).id })).rejects.toMatchObject({ fieldErrors: { ownerId: "validation.owner_not_sales" } });
    const gaoyan = await t.actor("gaoyan");
    await reassignCustomer(t.db, await t.actor("zhoujie"), customerId, { ownerId: gaoyan.id });
    expect(await t.db.customer.findUniqueOrThrow({ where: { id: customerId } })).toMatchObject({ ownerId: gaoyan.id, teamId: gaoyan.departmentId });
    expect(await t.db.auditLog.count({ where: { action: "customer.reassign", entityId: customerId } })).toBe(1);
  });
});
