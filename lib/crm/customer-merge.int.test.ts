import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { creditCodeCheck } from "../names/credit-code";
import { resetClock } from "../workflow/clock";
import { completeTask } from "../workflow/complete-task";
import { createCustomer } from "./create-customer";
import { parseCustomerListQuery } from "./customer-lists.schema";
import { findCustomerDuplicates } from "./find-customer-duplicates";
import { getCustomer } from "./get-customer";
import { listCustomers } from "./list-customers";
import { logCustomerContact } from "./log-customer-contact";
import { mergeCustomers } from "./merge-customers";
import { visibleSurvivorOf } from "./merged-customer";
import { previewCustomerMerge } from "./preview-customer-merge";
import { removeCustomerContact } from "./remove-customer-contact";
import { saveCustomerContact } from "./save-customer-contact";

const kinds = await dbKinds();
const DAY = 86_400_000;
const code17 = "91320594MA1NEW8J2";
const CREDIT = code17 + creditCodeCheck(code17);

describe.each(kinds)("customer merge and contacts (CRM-2) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });

  /** Two entries of one company by sunli: the survivor with a contact log, the other with a credit code, two contacts (one the same person), logs and a follow-up. */
  async function duplicates(suffix: string, credit: string | null = null) {
    const sunli = await t.actor("sunli");
    const keep = await createCustomer(t.db, sunli, { name: `苏州新创${suffix}模具有限公司`, industry: "模具", level: "B", tags: ["模具"], contactName: "陈工", contactPhone: "13800000001", duplicateReason: "测试" });
    const other = await createCustomer(t.db, sunli, { name: `新创${suffix}模具（苏州）`, creditCode: credit, region: "江苏苏州", level: "A", contactName: "王经理", contactPhone: "13900000002", duplicateReason: "测试" });
    await saveCustomerContact(t.db, sunli, other.id, null, { name: "陈志", title: "采购", phone: "138-0000-0001", email: "chen@example.com" });
    await logCustomerContact(t.db, sunli, { customerId: keep.id, kind: "call", note: "首次电话", on: new Date(Date.now() + 8 * 3600_000 - 20 * DAY).toISOString().slice(0, 10) });
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + DAY).toISOString().slice(0, 10);
    await logCustomerContact(t.db, sunli, { customerId: other.id, kind: "visit", note: "上门拜访，样品已送达", nextFollowUp: tomorrow });
    return { keep, other };
  }
  const stamps = async (...ids: string[]) => {
    const rows = await t.db.customer.findMany({ where: { id: { in: ids } }, select: { id: true, updatedAt: true } });
    return Object.fromEntries(rows.map((r) => [r.id, r.updatedAt]));
  };

  it("moves contacts, logs and follow-ups to the survivor with the chosen values, keeps the merged one pointing there, audited", async () => {
    const { keep, other } = await duplicates("甲", CREDIT);
    await drainJobs(t.db, 2 * DAY);
    const zhoujie = await t.actor("zhoujie");
    const preview = await previewCustomerMerge(t.db, zhoujie, keep.id, other.id);
    expect(Object.fromEntries(preview.fields.map((f) => [f.field, f.side]))).toMatchObject({ name: "survivor", creditCode: "other", region: "other", level: "survivor", industry: "survivor", ownerId: "survivor" });
    expect(preview.fields.find((f) => f.field === "ownerId")).toMatchObject({ survivor: "孙丽", other: "孙丽" });
    // 王经理 moves; 陈志 has 陈工's phone number: the same person, kept once.
    // A lead converted into the merged customer follows it too.
    const lead = await t.db.lead.create({ data: { code: `LD-M-${other.code}`, companyName: "新创模具", status: "converted", customerId: other.id } });
    expect(preview.counts).toMatchObject({ contacts: 1, logs: 1, openTasks: 1 });
    expect((await previewCustomerMerge(t.db, zhoujie, keep.id, other.id)).counts.leads).toBe(1);

    const seen = await stamps(keep.id, other.id);
    const done = await mergeCustomers(t.db, zhoujie, { survivorId: keep.id, otherId: other.id, choices: { level: "other" }, seen: { survivor: seen[keep.id], other: seen[other.id] } });
    expect(done.id).toBe(keep.id);
    const survivor = await t.db.customer.findUniqueOrThrow({ where: { id: keep.id }, include: { contacts: { orderBy: { createdAt: "asc" } }, logs: true } });
    expect(survivor).toMatchObject({ name: "苏州新创甲模具有限公司", creditCode: CREDIT, region: "江苏苏州", level: "A", industry: "模具", contactName: "陈工" });
    expect(survivor.contacts.map((c) => [c.name, c.phone, c.title, c.email, c.primary])).toEqual([
      ["陈工", "13800000001", "采购", "chen@example.com", true],
      ["王经理", "13900000002", null, null, false],
    ]);
    expect(survivor.logs.map((l) => l.note).sort()).toEqual(["上门拜访，样品已送达", "首次电话"]);
    expect(survivor.lastContactAt?.getTime()).toBe(Math.max(...survivor.logs.map((l) => l.at.getTime())));
    const merged = await t.db.customer.findUniqueOrThrow({ where: { id: other.id } });
    expect(merged).toMatchObject({ mergedIntoId: keep.id, creditCode: null });
    expect((await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).customerId).toBe(keep.id);
    expect(merged.mergedAt).toBeInstanceOf(Date);

    // The follow-up reminder now belongs to the survivor; gone from lists and duplicate checks; its page leads to the survivor.
    const sunli = await t.actor("sunli");
    const [task] = (await getCustomer(t.db, sunli, keep.id)).tasks;
    expect(task).toMatchObject({ name: "跟进客户", mine: true });
    // Its answer, started for the merged customer, is logged on the survivor.
    await completeTask(t.db, sunli, { taskId: task.id, data: { logKind: "visit", logNote: "合并后回访" } });
    await drainJobs(t.db);
    expect((await getCustomer(t.db, sunli, keep.id)).logs[0]).toMatchObject({ note: "合并后回访" });
    expect((await listCustomers(t.db, sunli, parseCustomerListQuery({ view: "all", q: "新创甲" }))).rows.map((r) => r.id)).toEqual([keep.id]);
    expect((await findCustomerDuplicates(t.db, sunli, { name: "新创甲模具（苏州）", creditCode: CREDIT })).map((d) => d.id)).toEqual([keep.id]);
    await expect(getCustomer(t.db, sunli, other.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await visibleSurvivorOf(t.db, sunli, other.id)).toBe(keep.id);
    expect(await visibleSurvivorOf(t.db, await t.actor("majun"), other.id)).toBeNull();

    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "customer.merge", entityId: keep.id } });
    expect(audit.after).toMatchObject({ survivor: { code: keep.code }, other: { code: other.code, creditCode: CREDIT }, choices: { level: "other", creditCode: "other", name: "survivor" }, moved: { contacts: 1, logs: 1 } });
    expect(await t.db.auditLog.count({ where: { action: "customer.merged_away", entityId: other.id } })).toBe(1);
  });

  it("refuses itself, a merged one, one not seen, two ERP parties and a stale preview, changing nothing", async () => {
    const { keep, other } = await duplicates("乙");
    const zhoujie = await t.actor("zhoujie");
    const merge = async (who: string, survivorId: string, otherId: string, seen?: Record<string, Date>) => {
      const s = seen ?? (await stamps(survivorId, otherId));
      return mergeCustomers(t.db, await t.actor(who), { survivorId, otherId, seen: { survivor: s[survivorId] ?? new Date(), other: s[otherId] ?? new Date() } });
    };
    const snapshot = async () => ({
      customers: await t.db.customer.findMany({ where: { id: { in: [keep.id, other.id] } }, orderBy: { id: "asc" } }),
      contacts: await t.db.customerContact.findMany({ where: { customerId: { in: [keep.id, other.id] } }, orderBy: { id: "asc" } }),
      logs: await t.db.customerLog.findMany({ where: { customerId: { in: [keep.id, other.id] } }, orderBy: { id: "asc" } }),
      audits: await t.db.auditLog.count({ where: { action: { in: ["customer.merge", "customer.merged_away"] } } }),
    });
    const before = await snapshot();

    await expect(merge("zhoujie", keep.id, keep.id)).rejects.toMatchObject({ code: "customer_merge_refused", fieldErrors: { merge: "crmMerge.refusals.self" } });
    await expect(previewCustomerMerge(t.db, zhoujie, keep.id, keep.id)).rejects.toMatchObject({ fieldErrors: { merge: "crmMerge.refusals.self" } });
    // heqiang leads the south team: sunli's customers are not his to see; sunli is no lead.
    await expect(merge("heqiang", keep.id, other.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(merge("sunli", keep.id, other.id)).rejects.toMatchObject({ code: "forbidden" });
    const south = (await listCustomers(t.db, await t.actor("majun"), parseCustomerListQuery({ view: "mine" }))).rows[0];
    await expect(merge("heqiang", south.id, other.id)).rejects.toMatchObject({ code: "not_found" });
    // The preview was taken before another contact was logged.
    const old = await stamps(keep.id, other.id);
    await logCustomerContact(t.db, await t.actor("sunli"), { customerId: other.id, kind: "call", note: "又来电话" });
    const afterLog = await snapshot();
    await expect(merge("zhoujie", keep.id, other.id, old)).rejects.toMatchObject({ code: "conflict", fieldErrors: { merge: "crmMerge.refusals.stale" } });
    expect(await snapshot()).toEqual(afterLog);

    await t.db.customer.update({ where: { id: keep.id }, data: { erpId: "ERP-MERGE-1" } });
    await t.db.customer.update({ where: { id: other.id }, data: { erpId: "ERP-MERGE-2" } });
    await expect(merge("zhoujie", keep.id, other.id)).rejects.toMatchObject({ fieldErrors: { merge: "crmMerge.refusals.erp_both" } });
    await t.db.customer.update({ where: { id: keep.id }, data: { erpId: null } });
    // One ERP party merged into a CRM entry: the survivor takes its ERP id.
    await merge("zhoujie", keep.id, other.id);
    expect(await t.db.customer.findUniqueOrThrow({ where: { id: keep.id } })).toMatchObject({ erpId: "ERP-MERGE-2" });
    await expect(merge("zhoujie", keep.id, other.id)).rejects.toMatchObject({ fieldErrors: { merge: "crmMerge.refusals.already_merged" } });
    expect(before.audits).toBe(afterLog.audits);
    expect(await t.db.auditLog.count({ where: { action: { in: ["customer.merge", "customer.merged_away"] } } })).toBe(before.audits + 2);
  });

  it("lets the owner add, change and remove contacts, one primary, checked and audited", async () => {
    const sunli = await t.actor("sunli");
    const c = await createCustomer(t.db, sunli, { name: "昆山联系人测试精密有限公司", contactName: "赵一", contactPhone: "0512-5555 0001" });
    await expect(saveCustomerContact(t.db, sunli, c.id, null, { name: "", email: "not-mail" })).rejects.toMatchObject({ code: "validation", fieldErrors: { name: "validation.required", email: "validation.invalid_email" } });
    await expect(saveCustomerContact(t.db, sunli, c.id, null, { name: "钱二", phone: "abc" })).rejects.toMatchObject({ fieldErrors: { phone: "validation.invalid_phone" } });
    const added = await saveCustomerContact(t.db, sunli, c.id, null, { name: "钱二", title: "总经理", phone: "13700000003", email: "qian@example.com", primary: true });
    expect(await t.db.customer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ contactName: "钱二", contactPhone: "13700000003" });
    expect(await t.db.customerContact.count({ where: { customerId: c.id, primary: true } })).toBe(1);
    await saveCustomerContact(t.db, sunli, c.id, added.id, { name: "钱二", title: "副总经理", phone: "13700000003" });
    expect(await t.db.customerContact.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({ title: "副总经理", email: null });
    // A team-mate and a rep of another team may not; a contact of another customer is not found here.
    await expect(saveCustomerContact(t.db, await t.actor("gaoyan"), c.id, null, { name: "孙三" })).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|not_found/) });
    await expect(removeCustomerContact(t.db, await t.actor("majun"), c.id, added.id)).rejects.toMatchObject({ code: "not_found" });
    const foreign = await t.db.customerContact.findFirstOrThrow({ where: { customerId: { not: c.id } } });
    await expect(removeCustomerContact(t.db, sunli, c.id, foreign.id)).rejects.toMatchObject({ code: "not_found" });
    await removeCustomerContact(t.db, sunli, c.id, added.id);
    expect(await t.db.customer.findUniqueOrThrow({ where: { id: c.id }, include: { contacts: true } })).toMatchObject({ contactName: "赵一", contacts: [{ name: "赵一", primary: true }] });
    const actions = (await t.db.auditLog.findMany({ where: { entityId: c.id, action: { startsWith: "customer.contact_" } }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["customer.contact_add", "customer.contact_update", "customer.contact_remove"]);
  });
});
