import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeVariables } from "@/lib/inbox/describe-variables";
import { listTasks } from "@/lib/inbox/list-tasks";
import { completeTask } from "@/lib/workflow/complete-task";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { getSupplierArchive } from "./get-supplier-archive";
import { INITIAL_REVIEW } from "./initial-review";
import { registerSupplier } from "./register-supplier";
import { resubmitInitialReview } from "./resubmit-initial-review";
import { reviewUnderWay } from "./review-rounds";

const kinds = await dbKinds();
const form = (code: string, name: string) => ({ code, name, taxCode: "VAT6", paymentTermCode: "NET60", contactName: "周明", contactPhone: "0519-1234 5678", address: "常州市武进区 1 号" });

describe.each(kinds)("the supplier's initial review on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const reviewTask = async (code: string) =>
    t.db.task.findFirstOrThrow({ where: { elementId: "initial_review", status: "open", instance: { businessKey: code, definition: { key: INITIAL_REVIEW.key } } } });

  it("starts with the registration, shows its data to purchasing, and an approval makes the supplier potential", async () => {
    const lina = await t.actor("lina");
    const s = await registerSupplier(t.db, lina, form("S200", "常州精工模具有限公司"));
    const task = await reviewTask("S200");
    expect(task.candidateGroups).toEqual(["purchasing"]);
    // In the purchasing group's inbox, started by the buyer who registered it.
    const liuyang = await t.actor("liuyang");
    expect((await listTasks(t.db, liuyang, { view: "group", q: "S200" })).items.map((i) => i.id)).toEqual([task.id]);
    expect((await listTasks(t.db, lina, { view: "started", q: "S200" })).items.map((i) => i.id)).toEqual([task.id]);
    // The reviewer sees the registration, labelled, with the codes' names: nothing to type again.
    const instance = await t.db.processInstance.findUniqueOrThrow({ where: { id: task.instanceId } });
    expect(instance).toMatchObject({ recordType: "Supplier", recordId: s.id, supplierId: null, startedBy: lina.id });
    const definition = await t.db.processDefinition.findUniqueOrThrow({ where: { id: instance.definitionId } });
    const context = await describeVariables(t.db, instance.variables as Record<string, unknown>, { definition, realm: "employee" });
    expect(Object.fromEntries(context.map((c) => [c.labelZh, c.value.kind === "text" ? c.value.zh : c.value]))).toMatchObject({ 供应商名称: "常州精工模具有限公司", 税码: "VAT6 增值税 6%", 付款条件: "NET60 月结 60 天", 联系人: "周明" });

    await completeTask(t.db, liuyang, { taskId: task.id, data: { decision: "approve", comment: "资质齐全" } });
    await drainJobs(t.db);
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("potential");
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: task.instanceId } })).status).toBe("completed");
    const audit = await t.db.auditLog.findMany({ where: { entity: "Supplier", entityId: s.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["supplier.register", "supplier.potential"]);
    // The archive lists the review among the supplier's processes.
    const archive = await getSupplierArchive(t.db, lina, s.id);
    expect(archive.instances.rows.map((i) => i.processKey)).toEqual([INITIAL_REVIEW.key]);
    expect(archive.supplier.status).toBe("potential");
  });

  it("a rejection keeps it registered; a second round shows the earlier decision; a repeated start job starts nothing", async () => {
    const lina = await t.actor("lina");
    const s = await registerSupplier(t.db, lina, form("S201", "无锡标准件厂"));
    const first = await reviewTask("S201");
    await completeTask(t.db, await t.actor("liuyang"), { taskId: first.id, data: { decision: "reject", comment: "缺少营业执照" } });
    await drainJobs(t.db);
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("registered");

    // Sent to review again: the reviewer sees what the first round decided.
    expect(await reviewUnderWay(t.db, INITIAL_REVIEW, s.id)).toBe(false);
    await expect(resubmitInitialReview(t.db, await t.actor("zhaoqiang"), s.id)).rejects.toMatchObject({ code: "forbidden" });
    await resubmitInitialReview(t.db, lina, s.id);
    expect(await reviewUnderWay(t.db, INITIAL_REVIEW, s.id)).toBe(true);
    // Not while a review runs, and not for a supplier that passed; an unknown id is not found.
    await expect(resubmitInitialReview(t.db, lina, s.id)).rejects.toMatchObject({ code: "supplier_review_not_possible" });
    const s1 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    await expect(resubmitInitialReview(t.db, lina, s1.id)).rejects.toMatchObject({ code: "supplier_review_not_possible" });
    await expect(resubmitInitialReview(t.db, lina, "nope")).rejects.toMatchObject({ code: "not_found" });
    const audit = await t.db.auditLog.findMany({ where: { entity: "Supplier", entityId: s.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["supplier.register", "supplier.review_requested"]);
    const job = await t.db.job.findFirstOrThrow({ where: { kind: "srm.startInitialReview", idempotencyKey: { endsWith: `${s.id}:2` } }, select: { id: true } });
    const second = await reviewTask("S201");
    expect(second.id).not.toBe(first.id);
    const vars = (await t.db.processInstance.findUniqueOrThrow({ where: { id: second.instanceId } })).variables as Record<string, unknown>;
    expect(String(vars.earlierReviews)).toMatch(/^\d{4}-\d\d-\d\d 未通过 \/ rejected: 缺少营业执照$/);
    // The same job again (a crash between start and done): still one running review.
    await t.db.job.update({ where: { id: job.id }, data: { status: "pending", runAt: new Date(0) } });
    await drainJobs(t.db);
    expect(await t.db.processInstance.count({ where: { recordType: "Supplier", recordId: s.id, status: "running" } })).toBe(1);
  });
});
