import "server-only";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Translate } from "../../errors/translate-error";
import { shanghaiDay } from "../on-time-delivery";
import type { DeliveryNoteData } from "./delivery-note-data";

/** The address the note's QR code opens: the warehouse's receive page with the note's number. */
export function receiveUrl(origin: string, number: string): string {
  return `${origin.replace(/\/$/, "")}/srm/receive?code=${encodeURIComponent(number)}`;
}

const day = (d: Date | null) => (d ? shanghaiDay(d) : "—");

/**
 * The delivery note as a pdfmake document: the companies by name (Chinese, or English
 * names where the reader's language is English and they exist), the numbers and dates,
 * one row per line with product, lots, quantity and unit, a QR code with the receive address
 * and the number typed out beside it (for a scanner that types, or a person), and
 * places to sign.
 */
export function deliveryNoteDocument(note: DeliveryNoteData, { t, locale, origin }: { t: Translate; locale: string; origin: string }): TDocumentDefinitions {
  const en = locale === "en";
  const qty = new Intl.NumberFormat(en ? "en" : "zh-CN", { maximumFractionDigits: 4 });
  const company = en && note.company.nameEn ? note.company.nameEn : note.company.nameZh;
  const field = (label: string, value: string): Content => ({ text: [{ text: `${label}：`, color: "#475569" }, value] });
  const header = [
    [field(t("deliveryNote.pdf.receiver"), company), field(t("deliveryNote.pdf.number"), note.number)],
    [field(t("deliveryNote.pdf.supplier"), `${note.supplier.name}（${note.supplier.code}）`), field(t("deliveryNote.pdf.order"), note.orderNumber)],
    [field(t("deliveryNote.pdf.contact"), [note.supplier.contactName, note.supplier.contactPhone].filter(Boolean).join(" ") || "—"), field(t("deliveryNote.pdf.plannedDate"), day(note.plannedDate))],
    [field(t("deliveryNote.pdf.waybill"), note.waybillNo ?? "—"), field(t("deliveryNote.pdf.shippedDate"), day(note.shippedAt))],
  ];
  const head = ["lineNo", "productCode", "product", "lots", "quantity", "unit"].map((k) => ({ text: t(`deliveryNote.pdf.columns.${k}`), bold: true, fillColor: "#f1f5f9" }));
  const lots = (l: DeliveryNoteData["lines"][number]) => (l.lots.length ? l.lots.map((lot) => `${lot.lotNumber}：${qty.format(lot.quantity)}`).join("\n") : "—");
  const rows = note.lines.map((l) => [String(l.lineNo), l.productCode, l.description, lots(l), { text: qty.format(l.quantity), alignment: "right" as const }, en ? l.unit.nameEn : l.unit.nameZh]);
  return {
    pageSize: "A4",
    pageMargins: [40, 40, 40, 50],
    info: { title: `${t("deliveryNote.pdf.title")} ${note.number}`, author: note.supplier.name, subject: company },
    content: [
      {
        columns: [
          { width: "*", stack: [{ text: company, fontSize: 11, color: "#475569" }, { text: t("deliveryNote.pdf.title"), fontSize: 20, bold: true, margin: [0, 4, 0, 0] }] },
          { width: 96, stack: [{ qr: receiveUrl(origin, note.number), fit: 90, alignment: "right" }, { text: t("deliveryNote.pdf.scan"), fontSize: 7, alignment: "right", color: "#475569", margin: [0, 2, 0, 0] }] },
        ],
      },
      { table: { widths: ["*", "*"], body: header }, layout: "noBorders", margin: [0, 12, 0, 12], fontSize: 10 },
      { table: { headerRows: 1, widths: [28, 80, "*", 100, 56, 34], body: [head, ...rows] }, layout: "lightHorizontalLines", fontSize: 10 },
      { text: t("deliveryNote.pdf.typeNumber", { number: note.number }), fontSize: 9, color: "#475569", margin: [0, 12, 0, 24] },
      { columns: ["deliverer", "receiver", "date"].map((k) => ({ text: `${t(`deliveryNote.pdf.sign.${k}`)}：________________`, fontSize: 10 })) },
    ],
  };
}
