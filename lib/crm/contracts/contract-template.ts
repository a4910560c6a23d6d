import { DEFAULT_VAT_RATE, type ContractClause, type ContractLine, type ContractTerms, type ContractTermsInput } from "./contract.schema";

export type ContractTemplate = "domestic" | "foreign";

/** The template follows the customer: China is domestic (Chinese, RMB, 增值税), anywhere else foreign (bilingual, Incoterms 2020). */
export function templateFor(countryCode: string | null | undefined): ContractTemplate {
  return !countryCode || countryCode.toUpperCase() === "CN" ? "domestic" : "foreign";
}

const DOMESTIC_CLAUSES: ContractClause[] = [
  { key: "quality", titleZh: "质量要求", titleEn: "", textZh: "卖方按双方确认的图纸、技术参数及国家标准生产，产品质量保证期为验收合格之日起十二个月。", textEn: "" },
  { key: "acceptance", titleZh: "验收", titleEn: "", textZh: "买方应在收货后七个工作日内完成验收，逾期未提出书面异议的视为验收合格。", textEn: "" },
  { key: "invoice", titleZh: "发票", titleEn: "", textZh: "卖方按合同金额向买方开具增值税专用发票，税率以合同约定为准。", textEn: "" },
  { key: "liability", titleZh: "违约责任", titleEn: "", textZh: "任何一方违约，应赔偿守约方因此遭受的直接损失；卖方逾期交货的，每逾期一日按逾期部分货款的千分之五支付违约金，累计不超过合同总额的百分之五。", textEn: "" },
  { key: "dispute", titleZh: "争议解决", titleEn: "", textZh: "因本合同引起的争议，双方应友好协商；协商不成的，提交卖方所在地有管辖权的人民法院诉讼解决。", textEn: "" },
  { key: "effect", titleZh: "合同生效", titleEn: "", textZh: "本合同一式两份，双方各执一份，自双方签字并加盖公章或合同专用章之日起生效。", textEn: "" },
];

const FOREIGN_CLAUSES: ContractClause[] = [
  { key: "quality", titleZh: "质量要求", titleEn: "Quality", textZh: "卖方按双方确认的图纸及技术参数生产，质量保证期为货物到达目的地之日起十二个月。", textEn: "The Seller shall manufacture the goods according to the drawings and technical parameters agreed by both parties. The warranty period is twelve months from the arrival of the goods at the destination." },
  { key: "packing", titleZh: "包装与唛头", titleEn: "Packing and marking", textZh: "货物采用适合长途海运的出口包装，因包装不良造成的损坏由卖方负责。", textEn: "The goods shall be packed in export packing suitable for long-distance ocean transport. The Seller is liable for any damage caused by improper packing." },
  { key: "inspection", titleZh: "检验", titleEn: "Inspection", textZh: "买方应在货物到达目的港后三十日内提出质量异议，并附具公认检验机构出具的检验报告。", textEn: "The Buyer shall lodge any quality claim within thirty days after the arrival of the goods at the port of destination, supported by an inspection report issued by a recognised surveyor." },
  { key: "force_majeure", titleZh: "不可抗力", titleEn: "Force majeure", textZh: "因不可抗力致使一方不能履行合同的，该方应及时通知对方，并在十五日内提供有关证明，可免除相应责任。", textEn: "A party prevented from performing this contract by force majeure shall notify the other party promptly and provide evidence within fifteen days, and shall be released from the corresponding liability." },
  { key: "arbitration", titleZh: "仲裁", titleEn: "Arbitration", textZh: "因本合同引起的争议，提交中国国际经济贸易仲裁委员会按其仲裁规则在上海进行仲裁，仲裁裁决是终局的，对双方均有约束力。", textEn: "Any dispute arising from this contract shall be submitted to the China International Economic and Trade Arbitration Commission (CIETAC) for arbitration in Shanghai under its rules. The award is final and binding on both parties." },
  { key: "language", titleZh: "合同文本", titleEn: "Language", textZh: "本合同以中文和英文书就，两种文本具有同等效力，自双方签字盖章之日起生效。", textEn: "This contract is made in Chinese and English, both texts being equally authentic, and takes effect on the date it is signed and sealed by both parties." },
];

/** A new contract's terms: the template's clauses and defaults, the lines brought along. */
export function defaultTerms(template: ContractTemplate, opts: { currencyCode?: string | null; lines: ContractTermsInput["lines"] }): ContractTermsInput {
  if (template === "domestic") {
    return {
      currencyCode: "CNY",
      taxRate: DEFAULT_VAT_RATE,
      incoterm: null,
      incotermPlace: null,
      paymentTerms: "合同签订后预付 30% 货款，发货前付清余款（银行转账）。",
      deliveryTerms: "卖方送货至买方指定地点，运费由卖方承担。",
      lines: opts.lines,
      clauses: DOMESTIC_CLAUSES.map((c) => ({ ...c })),
    };
  }
  const currencyCode = opts.currencyCode && opts.currencyCode !== "CNY" ? opts.currencyCode : "USD";
  return {
    currencyCode,
    // Exports are zero-rated for VAT (出口退税): the price is the price.
    taxRate: 0,
    incoterm: "FOB",
    incotermPlace: "Shanghai 上海",
    paymentTerms: "30% T/T 预付，见提单副本后 T/T 付清余款。30% by T/T in advance, the balance by T/T against the copy of the B/L.",
    deliveryTerms: "收到预付款后 45 天内装运。Shipment within 45 days after receipt of the advance payment.",
    lines: opts.lines,
    clauses: FOREIGN_CLAUSES.map((c) => ({ ...c })),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The amounts of a version, computed on the server only (a client's totals are never trusted). */
export function withAmounts(input: ContractTermsInput): ContractTerms {
  const lines: ContractLine[] = input.lines.map((l) => ({ ...l, amount: round2(l.quantity * l.unitPrice) }));
  const subtotal = round2(lines.reduce((s, l) => s + l.amount, 0));
  const tax = round2(subtotal * input.taxRate);
  return { ...input, lines, subtotal, tax, total: round2(subtotal + tax) };
}
