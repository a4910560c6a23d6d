import { createTranslator } from "next-intl";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs, erpOrder, fakeErp } from "@/test/erp/erp-test-kit";
import { supplierUser } from "@/test/workflow-fixtures";
import { ingestDeliveryPlan } from "../../erp/ingest-delivery-plan";
import { ingestPurchaseOrder } from "../../erp/ingest-purchase-order";
import type { Translate } from "../../errors/translate-error";
import { loadMessages } from "../../i18n/messages";
import { deliveryNoteData } from "./delivery-note-data";
import { deliveryNoteDocument, receiveUrl } from "./delivery-note-document";
import { deliveryCode, findDeliveryByCode } from "./find-delivery-by-code";
import { renderDeliveryNote } from "./render-delivery-note";

const kinds = await dbKinds();
const S001 = { erpId: "party-s001", code: "S001", name: "苏州精密五金有限公司" };
const S002 = { erpId: "party-s002", code: "S002", name: "宁波华东塑胶制品有限公司" };
const ORIGIN = "https://srm.example.cn";

async function pdfText(pdf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe("the delivery note's code", () => {
  it("is read from the number as typed or scanned, and from the QR code's address", () => {
    expect(deliveryCode("  dp-pur-00071-1 ")).toBe("DP-PUR-00071-1");
    expect(deliveryCode(receiveUrl(ORIGIN, "DP-PUR-00071-1"))).toBe("DP-PUR-00071-1");
    expect(deliveryCode(`${ORIGIN}/srm/receive/DP-PUR-00071-1`)).toBe("DP-PUR-00071-1");
    expect(deliveryCode("   ")).toBe("");
  });
});

describe.each(kinds)("the delivery note on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const planId: Record<number, string> = {};
  let zh: Translate;
  let en: Translate;
  beforeAll(async () => {
    t = await erpTestDb(kind);
    zh = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Translate;
    en = createTranslator({ locale: "en", messages: await loadMessages("en") }) as unknown as Translate;
    for (const [n, s] of [[71, S001], [72, S002]] as const) {
      await ingestPurchaseOrder(t.db, erpOrder(n, s));
      await ingestDeliveryPlan(t.db, fakeErp(), { erpId: `dp-${n}`, orderErpId: `po-${n}`, plannedDate: "2026-11-20", lines: [{ erpId: `m-${n}`, orderLineErpId: `pol-${n}-1`, quantity: 80, plannedDate: "2026-11-20" }], writeAt: "2026-11-02T00:00:00.000Z" });
      planId[n] = (await t.db.deliveryPlan.findUniqueOrThrow({ where: { erpId: `dp-${n}` } })).id;
    }
    // The plans' delivery flows start (a job after the ingest's commit).
    await drainJobs(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("prints the companies, the plan and its lines in Chinese, with the receive address in the QR code", async () => {
    const { pdf, fileName } = await renderDeliveryNote(t.db, await supplierUser(t.db, "supplier1"), planId[71], { t: zh, locale: "zh-CN", origin: ORIGIN });
    expect(fileName).toBe("送货单-DP-PUR-00071-1.pdf");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    for (const s of ["送货单", "华东精工制造有限公司", "苏州精密五金有限公司（S001）", "DP-PUR-00071-1", "PUR-00071", "2026-11-20", "P-1001", "Bolt M8", "80", "收货人"]) expect(text).toContain(s);
    const doc = deliveryNoteDocument(await deliveryNoteData(t.db, await t.actor("zhaoqiang"), planId[71]), { t: zh, locale: "zh-CN", origin: ORIGIN });
    expect(JSON.stringify(doc.content)).toContain(JSON.stringify({ qr: `${ORIGIN}/srm/receive?code=DP-PUR-00071-1`, fit: 90, alignment: "right" }));
  });

  it("prints in English for an English reader", async () => {
    const { pdf } = await renderDeliveryNote(t.db, await t.actor("zhaoqiang"), planId[71], { t: en, locale: "en", origin: ORIGIN });
    const text = await pdfText(pdf);
    for (const s of ["Delivery note", "East China Precision Manufacturing Co.", "Consignee", "DP-PUR-00071-1"]) expect(text).toContain(s);
  });

  it("gives a supplier only its own plans' notes, and employees only with srm.view", async () => {
    const opts = { t: zh, locale: "zh-CN", origin: ORIGIN };
    await expect(renderDeliveryNote(t.db, await supplierUser(t.db, "supplier2"), planId[71], opts)).rejects.toMatchObject({ code: "not_found" });
    await expect(renderDeliveryNote(t.db, await supplierUser(t.db, "supplier2"), "not-a-uuid", opts)).rejects.toMatchObject({ code: "not_found" });
    expect((await renderDeliveryNote(t.db, await supplierUser(t.db, "supplier2"), planId[72], opts)).fileName).toContain("DP-PUR-00072-1");
    await expect(renderDeliveryNote(t.db, await t.actor("sunli"), planId[71], opts)).rejects.toMatchObject({ code: "forbidden" });
    await expect(renderDeliveryNote(t.db, null, planId[71], opts)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("opens the delivery's open step for the warehouse clerk who scans it, else says where it stands", async () => {
    const clerk = await t.actor("zhaoqiang");
    expect(await findDeliveryByCode(t.db, clerk, "DP-NONE-1")).toEqual({ kind: "not_found", code: "DP-NONE-1" });
    // The delivery flow started for the plan waits for the supplier's shipping notice: not the clerk's step.
    const plan = await t.db.deliveryPlan.findUniqueOrThrow({ where: { id: planId[71] } });
    const waiting = await findDeliveryByCode(t.db, clerk, receiveUrl(ORIGIN, plan.number.toLowerCase()));
    expect(waiting).toMatchObject({ kind: "plan", plan: { number: "DP-PUR-00071-1", supplier: { code: "S001" } }, waiting: [{ supplier: true }] });
    // Once a warehouse step is open, the clerk lands on it.
    const ship = await t.db.task.findFirstOrThrow({ where: { instanceId: plan.instanceId!, status: "open" } });
    await t.db.task.update({ where: { id: ship.id }, data: { candidateSupplierId: null, candidateGroups: ["warehouse"] } });
    expect(await findDeliveryByCode(t.db, clerk, plan.number)).toEqual({ kind: "task", taskId: ship.id });
    // A buyer, not in the warehouse group, is told who has it.
    expect(await findDeliveryByCode(t.db, await t.actor("liuyang"), plan.number)).toMatchObject({ kind: "plan", waiting: [{ groups: [{ nameZh: "仓库组" }] }] });
    await expect(findDeliveryByCode(t.db, await supplierUser(t.db, "supplier1"), plan.number)).rejects.toMatchObject({ code: "forbidden" });
  });
});
