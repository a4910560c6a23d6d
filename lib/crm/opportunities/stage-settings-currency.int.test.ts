import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { readXlsx } from "@/test/read-xlsx";
import { erpTestDb } from "@/test/erp/erp-db";
import { theOpenTask } from "@/test/crm/review-kit";
import type { ErpWritePayload } from "@/lib/erp/outbox";
import { getTaskDetail } from "@/lib/inbox/get-task-detail";
import { completeTask } from "@/lib/workflow/complete-task";
import { runDueJobs } from "@/lib/workflow/jobs/worker";
import { createOpportunity } from "./create-opportunity";
import { stageSettings, updateStageConfig } from "./edit-stage-config";
import { exportOpportunities } from "./export-opportunities";
import { listOpportunities } from "./list-opportunities";
import { moveOpportunity } from "./move-opportunity";
import { newOpportunityChoices } from "./new-opportunity-choices";
import { opportunityBoard } from "./opportunity-board";
import { parseOpportunityListQuery } from "./opportunity-lists.schema";
import { startOpportunityReview } from "./review/start-review";
import { saveOpportunityLines, updateOpportunity } from "./update-opportunity";

// CRM-4 leftovers: the stage settings an administrator edits, and opportunities in a
// currency of the ERP master data other than RMB.

const kinds = await dbKinds();
const t = Object.assign((key: string) => key, { has: () => true });

describe.each(kinds)("stage settings and opportunity currencies on %s", (kind) => {
  let env: Awaited<ReturnType<typeof erpTestDb>>;
  const customer = (name: string) => env.db.customer.findFirstOrThrow({ where: { name } });
  const probabilityOf = async (id: string) => (await env.db.opportunity.findUniqueOrThrow({ where: { id } })).probability;
  beforeAll(async () => {
    env = await erpTestDb(kind);
  });
  afterAll(async () => {
    await env?.close();
  });

  it("creates an opportunity in USD: an unknown currency is refused; the list, export and board show USD; a copy keeps it", async () => {
    const sunli = await env.actor("sunli");
    const c = await customer("苏州恒力精工机械有限公司");
    expect((await newOpportunityChoices(env.db, sunli, {})).currencies.map((x) => x.code)).toEqual(["CNY", "EUR", "USD"]);
    await expect(createOpportunity(env.db, sunli, { name: "恒力 出口样件", customerId: c.id, currencyCode: "XYZ" })).rejects.toMatchObject({ code: "validation", fieldErrors: { currencyCode: "validation.unknown_currency" } });
    const opp = await createOpportunity(env.db, sunli, { name: "恒力 出口样件", customerId: c.id, currencyCode: "usd" });
    expect(opp.currencyCode).toBe("USD");
    await saveOpportunityLines(env.db, sunli, opp.id, [{ productId: (await env.db.product.findUniqueOrThrow({ where: { code: "P-4001" } })).id, quantity: 10, unitPrice: 12.5 }]);

    const q = parseOpportunityListQuery({ stage: "any", q: "恒力 出口样件" });
    expect((await listOpportunities(env.db, sunli, q)).rows).toEqual([expect.objectContaining({ code: opp.code, amount: "125", currencyCode: "USD" })]);
    const rows = await readXlsx(await exportOpportunities(env.db, sunli, q, { t }));
    const currencyColumn = rows[0].indexOf("opportunities.list.currency");
    expect(rows[1][0]).toBe(opp.code);
    expect(rows[1][currencyColumn]).toBe("USD");
    // The board never adds amounts of different currencies: one total per currency.
    const qualify = (await opportunityBoard(env.db, sunli)).find((col) => col.stage === "qualify")!;
    expect(qualify.totals.find((x) => x.currencyCode === "USD")).toEqual({ currencyCode: "USD", total: "125.00" });
    expect(qualify.count).toBe(qualify.rows.length);

    const copy = await createOpportunity(env.db, sunli, { name: "恒力 出口样件（复制）", customerId: c.id, copyFromId: opp.id, currencyCode: "EUR" });
    expect(copy.currencyCode).toBe("USD");
  });

  it("changes an open opportunity's currency to a known one, audited; a won or lost one keeps its currency", async () => {
    const sunli = await env.actor("sunli");
    const opp = await env.db.opportunity.findFirstOrThrow({ where: { name: "恒力 出口样件（复制）" } });
    await expect(updateOpportunity(env.db, sunli, opp.id, { name: opp.name, probability: 10, currencyCode: "ABC" })).rejects.toMatchObject({ fieldErrors: { currencyCode: "validation.unknown_currency" } });
    await updateOpportunity(env.db, sunli, opp.id, { name: opp.name, probability: 10, currencyCode: "EUR" });
    expect((await env.db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).currencyCode).toBe("EUR");
    const audit = await env.db.auditLog.findFirstOrThrow({ where: { entityId: opp.id, action: "opportunity.update" } });
    expect(audit).toMatchObject({ before: expect.objectContaining({ currencyCode: "USD" }), after: expect.objectContaining({ currencyCode: "EUR" }) });
    // Left out, the currency stays.
    await updateOpportunity(env.db, sunli, opp.id, { name: opp.name, probability: 15 });
    expect((await env.db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).currencyCode).toBe("EUR");
    await moveOpportunity(env.db, sunli, opp.id, { stage: "lost", lostReason: "客户改为国内采购" });
    await expect(updateOpportunity(env.db, sunli, opp.id, { name: opp.name, probability: 0, currencyCode: "CNY" })).rejects.toMatchObject({ fieldErrors: { currencyCode: "validation.currency_closed" } });
  });

  it("quotes a USD opportunity's approved commercial review to the ERP in USD", async () => {
    const majun = await env.actor("majun");
    const c = await customer("东莞市长盈精密技术有限公司");
    const opp = await createOpportunity(env.db, majun, { name: "长盈 海外散热片", customerId: c.id, currencyCode: "USD" });
    await saveOpportunityLines(env.db, majun, opp.id, [{ productId: (await env.db.product.findUniqueOrThrow({ where: { code: "P-1002" } })).id, quantity: 1000, unitPrice: 5, unitCost: 3 }]);
    await env.db.opportunity.update({ where: { id: opp.id }, data: { stage: "quotation" } });
    const review = await startOpportunityReview(env.db, majun, { opportunityId: opp.id });
    expect((await env.db.opportunityReview.findUniqueOrThrow({ where: { id: review.reviewId } })).snapshot).toMatchObject({ currencyCode: "USD" });
    // The reviewer's task page reads the amount in US dollars, not yuan.
    const heqiang = await env.actor("heqiang");
    const detail = await getTaskDetail(env.db, heqiang, (await theOpenTask(env.db, review.instanceId)).id);
    expect(detail.context.find((c) => c.name === "amount")?.value).toEqual({ kind: "text", zh: "US$5,000.00", en: "$5,000.00" });
    await completeTask(env.db, heqiang, { taskId: (await theOpenTask(env.db, review.instanceId)).id, data: { decision: "approve" } });
    await completeTask(env.db, await env.actor("huangting"), { taskId: (await theOpenTask(env.db, review.instanceId)).id, data: { decision: "approve" } });
    expect(await runDueJobs(env.db, { workerId: "currency-test", max: 1 })).toBe(1);
    const job = await env.db.job.findFirstOrThrow({ where: { kind: "erp.write", idempotencyKey: `erp.write:opportunity-quote:${review.reviewId}` } });
    expect((job.payload as unknown as ErpWritePayload<"recordSalesOrder">).input).toMatchObject({ reference: opp.code, currencyCode: "USD", lines: [{ productCode: "P-1002", quantity: 1000, unitPrice: 5 }] });
  });

  it("lets only the settings' administrators change an open stage: values checked and translated, won and lost fixed, audited once per change", async () => {
    const [admin, sunli] = await Promise.all([env.actor("admin"), env.actor("sunli")]);
    await expect(updateStageConfig(env.db, sunli, { stage: "solution", probability: 40, requiresReview: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(stageSettings(env.db, sunli)).rejects.toMatchObject({ code: "forbidden" });
    for (const probability of [101, -1, "12.5", "", "三十"]) {
      await expect(updateStageConfig(env.db, admin, { stage: "solution", probability, requiresReview: true })).rejects.toMatchObject({ code: "validation", fieldErrors: { probability: "validation.probability_range" } });
    }
    for (const stage of ["won", "lost", "nonsense"]) {
      await expect(updateStageConfig(env.db, admin, { stage, probability: 50, requiresReview: false })).rejects.toMatchObject({ code: "validation", fieldErrors: { stage: "validation.stage_fixed" } });
    }
    expect(await env.db.auditLog.count({ where: { action: "opportunity_stage.update" } })).toBe(0);

    await updateStageConfig(env.db, admin, { stage: "solution", probability: "35", requiresReview: true });
    await updateStageConfig(env.db, admin, { stage: "solution", probability: 35, requiresReview: true });
    const audits = await env.db.auditLog.findMany({ where: { action: "opportunity_stage.update" } });
    expect(audits).toEqual([expect.objectContaining({ entity: "OpportunityStageConfig", entityId: "solution", actorId: admin.id, before: { probability: 30, requiresReview: true }, after: { probability: 35, requiresReview: true } })]);
    const settings = await stageSettings(env.db, admin);
    expect(settings.map((s) => [s.stage, s.probability, s.fixed])).toEqual([["qualify", 10, false], ["solution", 35, false], ["quotation", 60, false], ["negotiation", 80, false], ["won", 100, true], ["lost", 0, true]]);
  });

  it("gives the new default to the next move into the stage; opportunities already there keep theirs", async () => {
    const [admin, sunli] = await Promise.all([env.actor("admin"), env.actor("sunli")]);
    const c = await customer("苏州恒力精工机械有限公司");
    const a = await createOpportunity(env.db, sunli, { name: "恒力 阶段设置 A", customerId: c.id });
    const b = await createOpportunity(env.db, sunli, { name: "恒力 阶段设置 B", customerId: c.id });
    await moveOpportunity(env.db, sunli, a.id, { stage: "solution" });
    expect(await probabilityOf(a.id)).toBe(35);
    await updateStageConfig(env.db, admin, { stage: "solution", probability: 45, requiresReview: true });
    await updateStageConfig(env.db, admin, { stage: "qualify", probability: 5, requiresReview: false });
    expect(await probabilityOf(a.id)).toBe(35);
    await moveOpportunity(env.db, sunli, b.id, { stage: "solution" });
    expect(await probabilityOf(b.id)).toBe(45);
    expect((await createOpportunity(env.db, sunli, { name: "恒力 阶段设置 C", customerId: c.id })).probability).toBe(5);
  });

  it("reads the review gate from the settings: the board shows it and the move rule follows it", async () => {
    const [admin, sunli] = await Promise.all([env.actor("admin"), env.actor("sunli")]);
    const b = await env.db.opportunity.findFirstOrThrow({ where: { name: "恒力 阶段设置 B" } });
    const gates = async () => Object.fromEntries((await opportunityBoard(env.db, sunli)).map((col) => [col.stage, col.requiresReview]));
    expect(await gates()).toMatchObject({ solution: true, quotation: true, negotiation: false });
    await expect(moveOpportunity(env.db, sunli, b.id, { stage: "quotation" })).rejects.toMatchObject({ code: "opportunity_review_required", params: { stage: "solution" } });

    await updateStageConfig(env.db, admin, { stage: "solution", probability: 45, requiresReview: false });
    await updateStageConfig(env.db, admin, { stage: "quotation", probability: 60, requiresReview: false });
    await updateStageConfig(env.db, admin, { stage: "negotiation", probability: 80, requiresReview: true });
    expect(await gates()).toMatchObject({ solution: false, quotation: false, negotiation: true });
    await moveOpportunity(env.db, sunli, b.id, { stage: "negotiation" });
    expect(await probabilityOf(b.id)).toBe(80);
    await expect(moveOpportunity(env.db, sunli, b.id, { stage: "won" })).rejects.toMatchObject({ code: "opportunity_review_required", params: { stage: "negotiation" } });
    // Back and lost stay free.
    await moveOpportunity(env.db, sunli, b.id, { stage: "quotation" });
  });
});
