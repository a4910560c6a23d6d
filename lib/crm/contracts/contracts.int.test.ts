import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import type { EmployeeActor } from "../../auth/actor";
import { countOpenTasks } from "../../inbox/count-open-tasks";
import { completeTask } from "../../workflow/complete-task";
import { resetClock } from "../../workflow/clock";
import { cancelContract } from "./cancel-contract";
import { startContractApproval } from "./contract-approval";
import { parseContractListQuery, type ContractTerms } from "./contract.schema";
import { createContract } from "./create-contract";
import { getContract } from "./get-contract";
import { listContracts } from "./list-contracts";
import { renderContractPdf } from "./render-contract-pdf";
import { reviseContract } from "./revise-contract";
import { signContract } from "./sign-contract";

const kinds = await dbKinds();

async function pdfText(pdf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe.each(kinds)("sales contracts (CRM-9) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let sunli: EmployeeActor;
  let n = 0;

  /** An opportunity of one of sunli's customers (the opportunity pages are another branch's; the rows are what they write). */
  async function opportunity(customerName: string, opts: { countryCode?: string; currency?: string; lines?: number; erpSaleId?: string } = {}) {
    const customer = await t.db.customer.findFirstOrThrow({ where: { name: customerName } });
    if (opts.countryCode) await t.db.customer.update({ where: { id: customer.id }, data: { countryCode: opts.countryCode } });
    n += 1;
    return t.db.opportunity.create({
      data: {
        code: `OPT${kind.slice(0, 2)}${String(n).padStart(4, "0")}`, name: `测试商机 ${n}`, customerId: customer.id, ownerId: sunli.id, teamId: sunli.departmentId, stage: "negotiation", probability: 80, currencyCode: opts.currency ?? "CNY", createdById: sunli.id, erpSaleId: opts.erpSaleId ?? null,
        lines: { create: Array.from({ length: opts.lines ?? 2 }, (_, i) => ({ position: i + 1, productCode: i ? "P-1002" : "P-1001", description: i ? "铝合金散热片 60×40" : "不锈钢六角螺栓 M8×30", quantity: 1000 * (i + 1), unitCode: "PCS", unitPrice: 2.5 + i, discountPct: i ? 10 : 0, amount: 0 })) },
      },
    });
  }

  beforeAll(async () => {
    t = await erpTestDb(kind);
    sunli = await t.actor("sunli");
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });

  it("fills a domestic contract from an opportunity: Chinese terms, RMB, 13 % VAT, the opportunity's net prices", async () => {
    const opp = await opportunity("苏州恒力精工机械有限公司");
    const c = await createContract(t.db, sunli, { opportunityId: opp.id });
    expect(c).toMatchObject({ template: "domestic", currencyCode: "CNY", status: "draft", currentVersion: 1, opportunityId: opp.id, incoterm: null });
    expect(c.number).toMatch(/^SC\d{4}-\d{4}$/);
    const view = await getContract(t.db, sunli, c.id);
    expect(view.terms.lines.map((l) => [l.productCode, l.quantity, l.unitPrice, l.amount])).toEqual([["P-1001", 1000, 2.5, 2500], ["P-1002", 2000, 3.15, 6300]]);
    expect(view.terms).toMatchObject({ taxRate: 0.13, subtotal: 8800, tax: 1144, total: 9944 });
    expect(view.terms.clauses.map((cl) => cl.titleZh)).toContain("发票");
    expect(await t.db.auditLog.count({ where: { action: "sales_contract.create", entityId: c.id } })).toBe(1);
  });

  it("refuses a domestic contract from an opportunity priced in another currency, saying which, and makes nothing", async () => {
    const opp = await opportunity("苏州恒力精工机械有限公司", { currency: "USD" });
    const before = await t.db.salesContract.count();
    await expect(createContract(t.db, sunli, { opportunityId: opp.id })).rejects.toMatchObject({ code: "validation", fieldErrors: { opportunityId: "validation.contract_domestic_currency" }, params: { currency: "USD" } });
    expect(await t.db.salesContract.count()).toBe(before);
  });

  it("takes the foreign template for a customer abroad: bilingual clauses, the currency, Incoterms 2020", async () => {
    const opp = await opportunity("无锡先导智能装备股份有限公司", { countryCode: "DE", currency: "EUR" });
    const c = await createContract(t.db, sunli, { opportunityId: opp.id });
    expect(c).toMatchObject({ template: "foreign", currencyCode: "EUR", incoterm: "FOB" });
    const view = await getContract(t.db, sunli, c.id);
    expect(view.terms.taxRate).toBe(0);
    expect(view.terms.clauses.every((cl) => cl.textZh && cl.textEn)).toBe(true);
  });

  it("corrects the customer's country on the way, which chooses the template, only for whoever may change the customer", async () => {
    const opp = await opportunity("宁波拓普集团股份有限公司");
    const c = await createContract(t.db, sunli, { opportunityId: opp.id, countryCode: "JP" });
    expect(c.template).toBe("foreign");
    expect((await t.db.customer.findUniqueOrThrow({ where: { id: opp.customerId } })).countryCode).toBe("JP");
    expect(await t.db.auditLog.findFirst({ where: { action: "customer.update", entityId: opp.customerId } })).toMatchObject({ before: { countryCode: "CN" }, after: { countryCode: "JP" } });
    await expect(createContract(t.db, sunli, { opportunityId: opp.id, countryCode: "jp" })).rejects.toMatchObject({ code: "validation" });
    await t.db.customer.update({ where: { id: opp.customerId }, data: { countryCode: "CN" } });
  });

  it("hides a contract from a rep of another team, and refuses an unknown opportunity", async () => {
    const opp = await opportunity("宁波拓普集团股份有限公司");
    const c = await createContract(t.db, sunli, { opportunityId: opp.id });
    const majun = await t.actor("majun");
    await expect(getContract(t.db, majun, c.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(createContract(t.db, majun, { opportunityId: opp.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listContracts(t.db, majun, parseContractListQuery({}))).rows.map((r) => r.id)).not.toContain(c.id);
    expect((await listContracts(t.db, sunli, parseContractListQuery({ q: "拓普" }))).rows.map((r) => r.id)).toContain(c.id);
    expect((await listContracts(t.db, sunli, parseContractListQuery({ q: c.number, status: "draft" }))).rows.map((r) => r.id)).toEqual([c.id]);
    await expect(createContract(t.db, sunli, { opportunityId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("copies a past contract: its terms, marked as a copy, a new number", async () => {
    const opp = await opportunity("苏州恒力精工机械有限公司");
    const src = await createContract(t.db, sunli, { opportunityId: opp.id });
    const copy = await createContract(t.db, sunli, { fromContractId: src.id });
    expect(copy).toMatchObject({ copiedFromId: src.id, customerId: src.customerId, template: "domestic" });
    expect(copy.number).not.toBe(src.number);
    const [a, b] = await Promise.all([getContract(t.db, sunli, src.id), getContract(t.db, sunli, copy.id)]);
    expect(b.terms).toEqual(a.terms);
    expect(b.copiedFrom).toMatchObject({ number: src.number });
  });

  it("does not copy a foreign contract in another currency into a domestic one once the customer is in China", async () => {
    const opp = await opportunity("宁波拓普集团股份有限公司", { countryCode: "DE", currency: "EUR" });
    const src = await createContract(t.db, sunli, { opportunityId: opp.id });
    expect(src).toMatchObject({ template: "foreign", currencyCode: "EUR" });
    await t.db.customer.update({ where: { id: opp.customerId }, data: { countryCode: "CN" } });
    try {
      const before = await t.db.salesContract.count();
      await expect(createContract(t.db, sunli, { fromContractId: src.id })).rejects.toMatchObject({ code: "validation", fieldErrors: { fromContractId: "validation.contract_copy_domestic_currency" }, params: { currency: "EUR" } });
      expect(await t.db.salesContract.count()).toBe(before);
    } finally {
      await t.db.customer.update({ where: { id: opp.customerId }, data: { countryCode: "CN" } });
    }
  });

  it("keeps each edit as a version and shows the diff clause by clause and line by line", async () => {
    const opp = await opportunity("苏州恒力精工机械有限公司");
    const c = await createContract(t.db, sunli, { opportunityId: opp.id });
    const v1 = (await getContract(t.db, sunli, c.id)).terms;
    const { subtotal: _s, tax: _t, total: _tt, ...input } = v1;
    const edited = {
      ...input,
      paymentTerms: "发货前付清全款。",
      lines: [{ ...v1.lines[0], quantity: 1200 }, { key: "L9", productCode: "P-2001", description: "ABS 注塑外壳", quantity: 10, unitCode: "PCS", unitPrice: 12, delivery: null }],
      clauses: [...v1.clauses.filter((cl) => cl.key !== "acceptance").map((cl) => (cl.key === "quality" ? { ...cl, textZh: "质量保证期为二十四个月。" } : cl)), { key: "secrecy", titleZh: "保密", titleEn: "", textZh: "双方对本合同内容保密。", textEn: "" }],
    };
    await expect(reviseContract(t.db, sunli, c.id, { ...edited, expectedVersion: 0 })).rejects.toMatchObject({ code: "conflict" });
    expect(await reviseContract(t.db, sunli, c.id, { ...edited, note: "客户要求调整数量", expectedVersion: 1 })).toEqual({ version: 2 });
    const view = await getContract(t.db, sunli, c.id);
    expect(view.currentVersion).toBe(2);
    const diff = view.versions[1].diff!;
    expect(diff.header.map((h) => h.field)).toEqual(["paymentTerms", "total"]);
    expect(diff.lines.map((l) => [l.kind, l.key])).toEqual([["changed", "L1"], ["added", "L9"], ["removed", "L2"]]);
    expect(diff.lines[0].kind === "changed" && diff.lines[0].fields.map((f) => f.field)).toEqual(["quantity", "amount"]);
    expect(diff.clauses.map((cl) => [cl.kind, cl.key])).toEqual([["changed", "quality"], ["added", "secrecy"], ["removed", "acceptance"]]);
    expect(view.totalAmount).toBeCloseTo((1200 * 2.5 + 120) * 1.13, 2);
    // Bad input changes nothing.
    await expect(reviseContract(t.db, sunli, c.id, { ...edited, lines: [] })).rejects.toMatchObject({ code: "validation" });
    await expect(reviseContract(t.db, sunli, c.id, { ...edited, currencyCode: "USD" })).rejects.toMatchObject({ code: "validation", fieldErrors: { currencyCode: "validation.domestic_currency" } });
    expect((await t.db.salesContract.findUniqueOrThrow({ where: { id: c.id } })).currentVersion).toBe(2);
  });

  async function openTask(instanceId: string) {
    return t.db.task.findFirstOrThrow({ where: { instanceId, status: "open" } });
  }

  it("routes a large contract through the sales lead, finance and the general manager; a signature confirms the sale in the ERP once", async () => {
    const opp = await opportunity("苏州恒力精工机械有限公司", { lines: 2 });
    await t.db.opportunityLine.updateMany({ where: { opportunityId: opp.id }, data: { unitPrice: 300 } });
    const c = await createContract(t.db, sunli, { opportunityId: opp.id });
    expect(Number(c.totalAmount)).toBeGreaterThan(500_000);
    await expect(signContract(t.db, sunli, c.id)).rejects.toMatchObject({ code: "contract_state" });
    const started = await startContractApproval(t.db, sunli, c.id);
    await expect(startContractApproval(t.db, sunli, c.id)).rejects.toMatchObject({ code: "contract_state" });
    expect((await t.db.salesContract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("in_review");

    const lead = await openTask(started.id);
    expect(lead.elementId).toBe("sales_lead_review");
    const zhoujie = await t.actor("zhoujie");
    expect(lead.assigneeId).toBe(zhoujie.id);
    await completeTask(t.db, zhoujie, { taskId: lead.id, data: { decision: "approve" } });
    const finance = await openTask(started.id);
    expect(finance).toMatchObject({ elementId: "finance_review", candidateGroups: ["finance"] });
    await completeTask(t.db, await t.actor("huangting"), { taskId: finance.id, data: { decision: "approve" } });
    const gm = await openTask(started.id);
    expect(gm).toMatchObject({ elementId: "gm_review", candidateGroups: ["management"] });
    await completeTask(t.db, await t.actor("zhangwei"), { taskId: gm.id, data: { decision: "approve" } });
    await drainJobs(t.db);
    expect((await t.db.salesContract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("approved");
    await expect(reviseContract(t.db, await t.actor("majun"), c.id, { ...((await getContract(t.db, sunli, c.id)).terms as ContractTerms) })).rejects.toMatchObject({ code: "not_found" });

    await signContract(t.db, sunli, c.id);
    await expect(signContract(t.db, sunli, c.id)).rejects.toMatchObject({ code: "contract_state" });
    await expect(cancelContract(t.db, sunli, c.id, { reason: "客户撤单" })).rejects.toMatchObject({ code: "contract_state" });
    await drainJobs(t.db);
    const signed = await t.db.salesContract.findUniqueOrThrow({ where: { id: c.id } });
    // The sale recorded at signing: its ERP number kept on the contract (the built-in ERP numbers it after the reference).
    expect(signed).toMatchObject({ status: "signed", erpSaleId: `sale:${opp.code}`, erpSaleNumber: `SQ-${opp.code}` });
    expect(signed.erpConfirmedAt).not.toBeNull();
    // No quotation from a review: the sale is recorded first, then confirmed, each once.
    expect(await t.db.integrationLedger.count({ where: { handler: "erp.recordSalesOrder", businessKey: opp.code } })).toBe(1);
    expect(await t.db.integrationLedger.count({ where: { handler: "erp.confirmSalesOrder", businessKey: opp.code } })).toBe(1);
    expect(await t.db.erpSyncLog.count({ where: { operation: "write.confirmSalesOrder", idempotencyKey: `sales-contract-confirm:${c.id}` } })).toBe(1);
  });

  it("skips finance under the threshold, confirms the review's quotation, and a rejection returns the contract to draft", async () => {
    const opp = await opportunity("常州星宇车灯股份有限公司", { erpSaleId: "sale-from-review-1" });
    const c = await createContract(t.db, sunli, { opportunityId: opp.id });
    const first = await startContractApproval(t.db, sunli, c.id);
    const zhoujie = await t.actor("zhoujie");
    await completeTask(t.db, zhoujie, { taskId: (await openTask(first.id)).id, data: { decision: "reject", comment: "付款条件需改为月结" } });
    await drainJobs(t.db);
    expect((await t.db.salesContract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("draft");
    expect(await t.db.auditLog.findFirst({ where: { action: "sales_contract.reject", entityId: c.id } })).toMatchObject({ after: { reason: "付款条件需改为月结" } });

    const { subtotal: _s, tax: _t, total: _tt, ...input } = (await getContract(t.db, sunli, c.id)).terms;
    await reviseContract(t.db, sunli, c.id, { ...input, paymentTerms: "月结 30 天" });
    const second = await startContractApproval(t.db, sunli, c.id);
    await completeTask(t.db, zhoujie, { taskId: (await openTask(second.id)).id, data: { decision: "approve" } });
    const gm = await openTask(second.id);
    expect(gm.elementId).toBe("gm_review");
    await completeTask(t.db, await t.actor("zhangwei"), { taskId: gm.id, data: { decision: "approve" } });
    await drainJobs(t.db);
    await signContract(t.db, sunli, c.id);
    await drainJobs(t.db);
    expect(await t.db.salesContract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "signed", erpSaleId: "sale-from-review-1", erpSaleNumber: `SQ-${opp.code}` });
    expect(await t.db.integrationLedger.count({ where: { handler: "erp.recordSalesOrder", businessKey: opp.code } })).toBe(0);
  });

  it("cancels a draft with a reason (required, trimmed, at most 500), only for whoever may edit it; a cancelled contract is no longer revised, submitted, signed or cancelled again", async () => {
    const c = await createContract(t.db, sunli, { opportunityId: (await opportunity("苏州恒力精工机械有限公司")).id });
    for (const reason of ["", "   ", "长".repeat(501)]) {
      await expect(cancelContract(t.db, sunli, c.id, { reason })).rejects.toMatchObject({ code: "validation", fieldErrors: { reason: reason.length > 500 ? "validation.too_big" : "validation.cancel_reason_required" } });
    }
    await expect(cancelContract(t.db, sunli, c.id, {} as { reason: string })).rejects.toMatchObject({ code: "validation", fieldErrors: { reason: "validation.cancel_reason_required" } });
    await expect(cancelContract(t.db, await t.actor("majun"), c.id, { reason: "客户撤单" })).rejects.toMatchObject({ code: "not_found" });
    expect((await t.db.salesContract.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("draft");

    await cancelContract(t.db, sunli, c.id, { reason: "  客户撤单，改签新合同  " });
    const view = await getContract(t.db, sunli, c.id);
    expect(view).toMatchObject({ status: "cancelled", cancelReason: "客户撤单，改签新合同", cancelledById: sunli.id, cancelledByName: "孙丽" });
    expect(view.cancelledAt).toBeInstanceOf(Date);
    expect(await t.db.auditLog.findFirst({ where: { action: "sales_contract.cancel", entityId: c.id } })).toMatchObject({ actorId: sunli.id, before: { status: "draft" }, after: { status: "cancelled", reason: "客户撤单，改签新合同" } });
    expect((await listContracts(t.db, sunli, parseContractListQuery({ q: c.number, status: "cancelled" }))).rows.map((r) => r.id)).toEqual([c.id]);

    const { subtotal: _s, tax: _t, total: _tt, ...input } = view.terms;
    await expect(reviseContract(t.db, sunli, c.id, input)).rejects.toMatchObject({ code: "contract_state" });
    await expect(startContractApproval(t.db, sunli, c.id)).rejects.toMatchObject({ code: "contract_state" });
    await expect(signContract(t.db, sunli, c.id)).rejects.toMatchObject({ code: "contract_state" });
    await expect(cancelContract(t.db, sunli, c.id, { reason: "再取消一次" })).rejects.toMatchObject({ code: "contract_state" });
    expect(await t.db.auditLog.count({ where: { action: "sales_contract.cancel", entityId: c.id } })).toBe(1);
  });

  it("cancels a contract in review with its approval flow (the reviewer's task leaves the inbox), and an approved one", async () => {
    const zhoujie = await t.actor("zhoujie");
    const inReview = await createContract(t.db, sunli, { opportunityId: (await opportunity("常州星宇车灯股份有限公司")).id });
    const flow = await startContractApproval(t.db, sunli, inReview.id);
    const task = await openTask(flow.id);
    const before = (await countOpenTasks(t.db, zhoujie)).mine;
    await cancelContract(t.db, sunli, inReview.id, { reason: "客户暂停采购" });
    expect(await t.db.salesContract.findUniqueOrThrow({ where: { id: inReview.id } })).toMatchObject({ status: "cancelled", cancelReason: "客户暂停采购" });
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: flow.id } })).status).toBe("cancelled");
    expect((await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("cancelled");
    expect((await countOpenTasks(t.db, zhoujie)).mine).toBe(before - 1);
    await expect(completeTask(t.db, zhoujie, { taskId: task.id, data: { decision: "approve" } })).rejects.toMatchObject({ code: "task_closed" });
    expect(await t.db.auditLog.findFirst({ where: { action: "sales_contract.cancel", entityId: inReview.id } })).toMatchObject({ before: { status: "in_review" }, after: { instanceId: flow.id, tasksCancelled: 1, reason: "客户暂停采购" } });
    expect(await t.db.auditLog.count({ where: { action: "process.instance.cancel", entityId: flow.id } })).toBe(1);

    const approved = await createContract(t.db, sunli, { opportunityId: (await opportunity("常州星宇车灯股份有限公司")).id });
    const second = await startContractApproval(t.db, sunli, approved.id);
    await completeTask(t.db, zhoujie, { taskId: (await openTask(second.id)).id, data: { decision: "approve" } });
    await completeTask(t.db, await t.actor("zhangwei"), { taskId: (await openTask(second.id)).id, data: { decision: "approve" } });
    await drainJobs(t.db);
    expect((await t.db.salesContract.findUniqueOrThrow({ where: { id: approved.id } })).status).toBe("approved");
    await cancelContract(t.db, sunli, approved.id, { reason: "价格需重新谈判" });
    expect(await t.db.salesContract.findUniqueOrThrow({ where: { id: approved.id } })).toMatchObject({ status: "cancelled", cancelReason: "价格需重新谈判" });
    await expect(signContract(t.db, sunli, approved.id)).rejects.toMatchObject({ code: "contract_state" });
  });

  it("prints the contract as a PDF with the Chinese and English clauses, the seal place and page numbers", async () => {
    const opp = await opportunity("无锡先导智能装备股份有限公司", { countryCode: "US", currency: "USD", lines: 3 });
    const c = await createContract(t.db, sunli, { opportunityId: opp.id });
    const { pdf, fileName } = await renderContractPdf(t.db, sunli, c.id);
    expect(fileName).toBe(`销售合同-${c.number}-v1.pdf`);
    const text = await pdfText(pdf);
    for (const s of ["销售合同", "SALES CONTRACT", "不可抗力", "Force majeure", "仲裁", "Arbitration", "CIETAC", "FOB Shanghai", "Incoterms® 2020", "公司盖章处", "Company seal", "第 1 页", "Page 1 of"]) expect(text).toContain(s);
    const domestic = await createContract(t.db, sunli, { opportunityId: (await opportunity("苏州恒力精工机械有限公司")).id });
    const zh = await pdfText((await renderContractPdf(t.db, sunli, domestic.id)).pdf);
    for (const s of ["第一条 货物明细", "增值税（13%）", "价税合计", "人民币（大写）", "争议解决"]) expect(zh).toContain(s);
    expect(zh).not.toContain("SALES CONTRACT");
    await expect(renderContractPdf(t.db, await t.actor("majun"), c.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
