import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { ContractClause, ContractTerms } from "./contract.schema";
import { rmbInWords } from "./rmb-words";

/** What the contract PDF prints; the page loads it through getContract, the bench builds it directly. */
export type ContractPdfData = {
  number: string;
  template: "domestic" | "foreign";
  version: number;
  date: string;
  seller: { nameZh: string; nameEn: string };
  buyer: { name: string; code: string; address: string | null; contact: string | null; taxCode: string | null };
  terms: ContractTerms;
};

const CN_NUMERALS = "零一二三四五六七八九十";
const clauseNo = (i: number) => (i < 10 ? CN_NUMERALS[i] : i < 20 ? `十${i > 10 ? CN_NUMERALS[i - 10] : ""}` : `${CN_NUMERALS[Math.floor(i / 10)]}十${i % 10 ? CN_NUMERALS[i % 10] : ""}`);
const GREY = "#475569";
/** A Chinese company seal is a 40-42 mm circle: the marked place is a little larger (44 mm = 125 pt). */
const SEAL = 125;

/**
 * The contract as a pdfmake document. The contract's own language decides the text, not the
 * reader's: a domestic contract is Chinese only; a foreign one is bilingual, Chinese and
 * English side by side per clause (the Chinese left, as both texts are equally authentic).
 * The signature block marks where each party's seal goes; every page carries the number
 * and "page x of y".
 */
export function contractPdfDocument(d: ContractPdfData): TDocumentDefinitions {
  const foreign = d.template === "foreign";
  const bi = (zh: string, en: string) => (foreign ? `${zh} ${en}` : zh);
  const money = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const qty = new Intl.NumberFormat("en", { maximumFractionDigits: 3 });
  const t = d.terms;
  const label = (zh: string, en: string): Content => ({ text: bi(`${zh}：`, `${en}:`), color: GREY });
  const party = (zh: string, en: string, lines: string[]): Content => ({ stack: [{ text: bi(zh, en), bold: true }, ...lines.filter(Boolean).map((l) => ({ text: l }))], margin: [0, 0, 0, 4] });

  const head = [bi("序号", "No."), bi("产品编码", "Code"), bi("品名规格", "Description"), bi("数量", "Qty"), bi("单位", "Unit"), bi("单价", "Unit price"), bi("金额", "Amount"), bi("交货期", "Delivery")].map((text) => ({ text, bold: true, fillColor: "#f1f5f9", fontSize: 8 }));
  const rows = t.lines.map((l, i) => [String(i + 1), l.productCode ?? "—", l.description, { text: qty.format(l.quantity), alignment: "right" as const }, l.unitCode ?? "", { text: money.format(l.unitPrice), alignment: "right" as const }, { text: money.format(l.amount), alignment: "right" as const }, l.delivery ?? "—"]);
  const sum = (zh: string, en: string, v: number): TableCell[] => [{ text: bi(zh, en), colSpan: 6, alignment: "right", bold: true }, "", "", "", "", "", { text: money.format(v), alignment: "right", bold: true }, ""];
  const totals = foreign ? [sum("合计", "Total", t.total)] : [sum("不含税金额", "", t.subtotal), sum(`增值税（${Math.round(t.taxRate * 100)}%）`, "", t.tax), sum("价税合计", "", t.total)];

  const priceTerm = foreign && t.incoterm ? bi(`${t.incoterm} ${t.incotermPlace ?? ""}（《2020 年国际贸易术语解释通则》）`, `${t.incoterm} ${t.incotermPlace ?? ""} (Incoterms® 2020)`) : null;
  const amountWords = foreign ? `${t.currencyCode} ${money.format(t.total)}` : `人民币（大写）${rmbInWords(t.total)}（¥${money.format(t.total)}，含增值税）`;

  const fixed: ContractClause[] = [
    ...(priceTerm ? [{ key: "price", titleZh: "价格条款", titleEn: "Price term", textZh: `${t.incoterm} ${t.incotermPlace ?? ""}，按《2020 年国际贸易术语解释通则》解释。`, textEn: `${t.incoterm} ${t.incotermPlace ?? ""}, as interpreted by Incoterms® 2020.` }] : []),
    { key: "payment", titleZh: "付款条件", titleEn: "Payment", textZh: t.paymentTerms, textEn: "" },
    { key: "delivery", titleZh: "交货条件", titleEn: "Delivery", textZh: t.deliveryTerms, textEn: "" },
  ];
  const clauses = [...fixed, ...t.clauses].map((c, i) => clauseBlock(c, i + 2, foreign));

  return {
    pageSize: "A4",
    pageMargins: [48, 56, 48, 56],
    info: { title: `${bi("销售合同", "Sales Contract")} ${d.number}`, subject: d.buyer.name, author: d.seller.nameZh },
    header: (page) => (page > 1 ? { text: `${bi("合同编号", "Contract No.")}：${d.number}`, fontSize: 8, color: GREY, alignment: "right", margin: [48, 28, 48, 0] } : null),
    footer: (page, pages) => ({ text: foreign ? `第 ${page} 页 共 ${pages} 页  Page ${page} of ${pages}` : `第 ${page} 页 共 ${pages} 页`, fontSize: 8, color: GREY, alignment: "center", margin: [0, 20, 0, 0] }),
    defaultStyle: { fontSize: 10, lineHeight: 1.35 },
    content: [
      { text: "销售合同", fontSize: 22, bold: true, alignment: "center", characterSpacing: 6 },
      foreign ? { text: "SALES CONTRACT", fontSize: 14, bold: true, alignment: "center", margin: [0, 2, 0, 0] } : "",
      {
        table: { widths: ["*", "*"], body: [[{ text: [label("合同编号", "Contract No."), d.number] }, { text: [label("签订日期", "Date"), d.date], alignment: "right" }], [{ text: [label("版本", "Version"), `v${d.version}`] }, { text: [label("币种", "Currency"), t.currencyCode], alignment: "right" }]] },
        layout: "noBorders", margin: [0, 12, 0, 8],
      },
      {
        columns: [
          party("卖方", "Seller", [d.seller.nameZh, foreign ? d.seller.nameEn : ""]),
          party("买方", "Buyer", [d.buyer.name, d.buyer.address ?? "", d.buyer.contact ?? "", d.buyer.taxCode ? `${bi("税号", "Tax No.")}：${d.buyer.taxCode}` : ""]),
        ],
        columnGap: 24,
      },
      { text: foreign ? "经买卖双方确认，按下列条款订立本合同：\nThe Buyer and the Seller agree to conclude this contract on the terms below:" : "经买卖双方友好协商，根据《中华人民共和国民法典》，订立本合同，共同遵守。", margin: [0, 8, 0, 8] },
      { text: foreign ? "1. 货物明细 Goods" : "第一条 货物明细", bold: true, margin: [0, 4, 0, 4] },
      { table: { headerRows: 1, widths: [20, 52, "*", 42, 28, 52, 60, 50], body: [head, ...rows, ...totals] }, layout: "lightHorizontalLines", fontSize: 8.5 },
      { text: [label("合同总金额", "Total contract value"), amountWords], margin: [0, 6, 0, 10], bold: true },
      ...clauses,
      signatureBlock(d, foreign),
    ],
  };
}

function clauseBlock(c: ContractClause, n: number, foreign: boolean): Content {
  const zhTitle = foreign ? `${n}. ${c.titleZh}` : `第${clauseNo(n)}条 ${c.titleZh}`;
  if (!foreign) return { stack: [{ text: zhTitle, bold: true }, { text: c.textZh, margin: [0, 2, 0, 0] }], margin: [0, 4, 0, 4] };
  // Payment and delivery terms are typed once, often with both languages in one text: one column then.
  if (!c.textEn) return { stack: [{ text: `${zhTitle} ${c.titleEn}`, bold: true }, { text: c.textZh, margin: [0, 2, 0, 0] }], margin: [0, 4, 0, 4] };
  return {
    columns: [
      { width: "*", stack: [{ text: zhTitle, bold: true }, { text: c.textZh, margin: [0, 2, 0, 0] }] },
      { width: "*", stack: [{ text: `${n}. ${c.titleEn}`, bold: true }, { text: c.textEn, margin: [0, 2, 0, 0], fontSize: 9.5 }] },
    ],
    columnGap: 16,
    margin: [0, 4, 0, 4],
    unbreakable: true,
  };
}

function signatureBlock(d: ContractPdfData, foreign: boolean): Content {
  const bi = (zh: string, en: string) => (foreign ? `${zh} ${en}` : zh);
  const side = (zh: string, en: string, name: string): Content => ({
    stack: [
      { text: bi(`${zh}（盖章）`, `${en} (seal)`), bold: true },
      { text: name, margin: [0, 2, 0, 6] },
      {
        // The marked place of the company seal: a dashed red square the seal covers, on the signature block.
        table: { widths: [SEAL], heights: [SEAL], body: [[{ text: foreign ? "公司盖章处\nCompany seal" : "公司盖章处", color: "#dc2626", fontSize: 8, alignment: "center", margin: [0, SEAL / 2 - 14, 0, 0] }]] },
        layout: { hLineColor: () => "#dc2626", vLineColor: () => "#dc2626", hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineStyle: () => ({ dash: { length: 4 } }), vLineStyle: () => ({ dash: { length: 4 } }) },
      },
      { text: `${bi("授权代表签字", "Authorised signature")}：__________________`, margin: [0, 8, 0, 0] },
      { text: `${bi("日期", "Date")}：__________________`, margin: [0, 6, 0, 0] },
    ],
  });
  return { columns: [side("卖方", "Seller", d.seller.nameZh), side("买方", "Buyer", d.buyer.name)], columnGap: 32, margin: [0, 24, 0, 0], unbreakable: true };
}
