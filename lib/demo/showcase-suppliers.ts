// The showcase's suppliers (S101…S124): Chinese manufacturers in every status, with
// categories and documents whose validity falls in every band (valid, ≤ 30 days, ≤ 7 days, expired).
type Status = "registered" | "potential" | "active" | "suspended";
/** A document the supplier holds: its type code and the days from today to its last valid day. */
export type ShowcaseDocument = [type: string, daysLeft: number];
export type ShowcaseSupplier = {
  code: string;
  name: string;
  contactName: string;
  contactPhone: string;
  address: string;
  taxCode: "VAT13" | "VAT6";
  paymentTermCode: "NET30" | "NET60";
  categories: string[];
  status: Status;
  documents?: ShowcaseDocument[];
};

const s = (code: string, name: string, contactName: string, contactPhone: string, address: string, categories: string[], status: Status, documents?: ShowcaseDocument[]): ShowcaseSupplier => ({
  code,
  name,
  contactName,
  contactPhone,
  address,
  taxCode: categories.includes("SERV") ? "VAT6" : "VAT13",
  paymentTermCode: Number(code.slice(1)) % 3 ? "NET30" : "NET60",
  categories,
  status,
  documents,
});

export const SHOWCASE_SUPPLIERS: ShowcaseSupplier[] = [
  // Registered: the initial review waits in purchasing's inbox.
  s("S101", "常州恒泰精密模具有限公司", "顾建华", "0519-8651 2203", "江苏省常州市武进区湖塘镇长虹西路 58 号", ["MACH"], "registered"),
  s("S102", "东莞市宏达五金制品有限公司", "黄志强", "0769-8723 5561", "广东省东莞市长安镇振安中路 212 号", ["MACH", "RAW"], "registered"),
  s("S103", "温州瑞安汽配有限公司", "陈海燕", "0577-6581 3390", "浙江省温州市瑞安市塘下镇罗凤大道 66 号", ["MACH"], "registered"),
  s("S104", "佛山市顺德区美嘉包装材料有限公司", "梁淑仪", "0757-2266 8012", "广东省佛山市顺德区容桂街道华口工业区 9 号", ["PACK"], "registered"),
  // Potential: passed the initial review, no re-review yet.
  s("S105", "无锡华光电子科技有限公司", "蒋文斌", "0510-8520 7716", "江苏省无锡市新吴区长江路 21 号", ["ELEC"], "potential"),
  s("S106", "嘉兴市永盛紧固件有限公司", "沈国平", "0573-8358 4420", "浙江省嘉兴市海盐县武原街道盐北路 18 号", ["MACH"], "potential"),
  s("S107", "深圳市鑫源电子有限公司", "刘晓东", "0755-2761 9935", "广东省深圳市宝安区福永街道凤凰第三工业区 7 栋", ["ELEC"], "potential"),
  s("S108", "南通海达物流服务有限公司", "季红梅", "0513-8551 6607", "江苏省南通市崇川区港闸路 129 号", ["SERV"], "potential"),
  // Active, documents valid, expiring within 30 or 7 days, or (S120, S121) expired and blocking.
  s("S109", "昆山精科精密机械有限公司", "周立新", "0512-5771 3608", "江苏省昆山市开发区前进东路 399 号", ["MACH"], "active", [["BL", 5], ["ISO9001", 420], ["IATF16949", 260]]),
  s("S110", "杭州新亚电子元件有限公司", "王丽君", "0571-8677 2145", "浙江省杭州市滨江区江南大道 588 号", ["ELEC"], "active", [["BL", 900], ["ISO9001", 21]]),
  s("S111", "台州市黄岩精诚模塑有限公司", "林永康", "0576-8492 1176", "浙江省台州市黄岩区江口街道模具城 3 号", ["MACH"], "active", [["BL", 1200], ["ISO9001", 540]]),
  s("S112", "江阴市华澄金属材料有限公司", "缪志刚", "0510-8682 4419", "江苏省江阴市临港街道滨江西路 2 号", ["RAW"], "active", [["BL", 1500], ["ISO9001", 300], ["ISO14001", 380]]),
  s("S113", "中山市宏图包装制品有限公司", "冯嘉欣", "0760-8553 0082", "广东省中山市火炬开发区沿江东路 11 号", ["PACK"], "active", [["BL", 25]]),
  s("S114", "惠州市德辉电路科技有限公司", "邓少华", "0752-2608 3371", "广东省惠州市仲恺高新区和畅五路 45 号", ["ELEC"], "active", [["BL", 700], ["ISO9001", 3], ["PRODUCT", 200]]),
  s("S115", "宁波北仑新港金属制品有限公司", "胡伟达", "0574-8688 5573", "浙江省宁波市北仑区小港街道纬五路 36 号", ["RAW", "MACH"], "active", [["BL", 800], ["ISO9001", 190]]),
  s("S116", "扬州恒春机电有限公司", "孙海波", "0514-8796 2258", "江苏省扬州市邗江区维扬经济开发区金槐路 8 号", ["MACH"], "active", [["BL", 1000], ["ISO9001", 460], ["ISO14001", 18]]),
  s("S117", "广州市穗华检测技术服务有限公司", "何静怡", "020-3229 7781", "广东省广州市黄埔区科学城科丰路 31 号", ["SERV"], "active", [["BL", 640], ["ISO14001", -20]]),
  s("S118", "湖州南浔精工铸造有限公司", "钱卫东", "0572-3025 6649", "浙江省湖州市南浔区练市镇工业园区 12 号", ["RAW", "MACH"], "active", [["BL", 560]]),
  s("S119", "珠海市力源电子有限公司", "吴家豪", "0756-3362 4410", "广东省珠海市香洲区南屏科技工业园屏北一路 6 号", ["ELEC"], "active", [["BL", 6], ["ISO9001", 330]]),
  s("S120", "苏州汇联电器有限公司", "朱建军", "0512-6292 0533", "江苏省苏州市吴中区木渎镇金枫南路 1258 号", ["ELEC"], "active", [["BL", 450], ["ISO9001", -12]]),
  s("S121", "宁波金海电子元件有限公司", "应晓波", "0574-6358 1127", "浙江省宁波市慈溪市观海卫镇工业东区 27 号", ["ELEC"], "active", [["BL", -3], ["ISO9001", 280]]),
  // Suspended by purchasing.
  s("S122", "金华市永康工贸有限公司", "应国强", "0579-8710 3356", "浙江省金华市永康市经济开发区金山西路 77 号", ["MACH"], "suspended"),
  s("S123", "汕头市华联包装有限公司", "林少鹏", "0754-8862 1049", "广东省汕头市龙湖区珠津工业区 5 号", ["PACK"], "suspended"),
  s("S124", "泰州市兴达橡胶制品有限公司", "丁春华", "0523-8618 3370", "江苏省泰州市姜堰区三水街道罗塘路 16 号", ["RAW"], "suspended"),
];

const NUMBER_PREFIX: Record<string, string> = { BL: "BL", ISO9001: "CQC-Q", ISO14001: "CQC-E", IATF16949: "IATF", PRODUCT: "CCC" };

/** The certificate number a supplier's document of this type carries. */
export const documentNumber = (code: string, type: string) => `${NUMBER_PREFIX[type] ?? type}-2024${code.slice(1)}`;
