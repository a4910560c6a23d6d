/**
 * The words Chinese company names are made of besides the trade name (字号), for the
 * duplicate check (CRM-1): where the company sits, what it does, and its legal form.
 * Longest first where one word contains another, so that a name is cut at the longest.
 */

/** Provinces, autonomous regions and the municipalities, as written with and without their suffix. */
const PROVINCES = ["北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"];

/** Cities and county-level cities where manufacturers cluster (prefixes like 苏州, 苏州市, 昆山市). */
const CITIES = [
  "苏州", "无锡", "常州", "南京", "南通", "扬州", "镇江", "泰州", "徐州", "盐城", "淮安", "连云港", "宿迁", "昆山", "常熟", "张家港", "太仓", "江阴", "宜兴", "吴江",
  "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "台州", "丽水", "衢州", "舟山", "义乌", "慈溪", "余姚", "乐清", "瑞安", "永康", "海宁", "诸暨",
  "合肥", "芜湖", "马鞍山", "滁州", "福州", "厦门", "泉州", "漳州", "莆田", "晋江", "南昌", "赣州", "九江",
  "济南", "青岛", "烟台", "潍坊", "淄博", "威海", "临沂", "济宁", "东营", "日照", "郑州", "洛阳", "新乡", "许昌",
  "武汉", "宜昌", "襄阳", "十堰", "长沙", "株洲", "湘潭", "岳阳",
  "广州", "深圳", "东莞", "佛山", "中山", "珠海", "惠州", "江门", "汕头", "肇庆", "顺德",
  "成都", "绵阳", "德阳", "宜宾", "贵阳", "遵义", "昆明", "西安", "宝鸡", "咸阳", "兰州", "银川", "西宁", "乌鲁木齐", "拉萨",
  "沈阳", "大连", "鞍山", "营口", "长春", "哈尔滨", "大庆", "石家庄", "唐山", "保定", "廊坊", "沧州", "邯郸", "太原", "大同", "呼和浩特", "包头", "南宁", "柳州", "桂林", "海口", "三亚",
];

const REGION_SUFFIXES = ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市", "区", "县"];

/** Cities (苏州, 苏州市): two names in different cities may be two companies with one trade name. */
export const CITY_WORDS: ReadonlySet<string> = new Set(CITIES.flatMap((c) => [c, c + "市"]));

/** Every way a region prefix is written (江苏省, 江苏, 苏州市, 苏州), longest first. */
export const REGION_WORDS: readonly string[] = [...new Set([...PROVINCES, ...CITIES].flatMap((p) => [p, ...REGION_SUFFIXES.map((s) => p + s)]))]
  .concat(["中国", "中华", "高新技术产业开发区", "经济技术开发区", "经济开发区", "工业园区", "高新区", "开发区", "保税区", "新区"])
  .sort((a, b) => b.length - a.length);

/** Region names as they appear in English and pinyin names ("Suzhou", "Jiangsu"), filled in from pinyin by company-name.ts. */
export const LATIN_REGION_EXTRA: readonly string[] = ["china", "prc", "hongkong", "hk", "macau", "shenzhen", "canton"];

/** Legal forms and organisational words at the end of a name, longest first. */
export const LEGAL_FORMS: readonly string[] = [
  "集团股份有限公司", "集团有限责任公司", "股份有限公司", "有限责任公司", "集团有限公司", "有限合伙企业", "有限合伙", "合伙企业", "股份公司", "集团公司", "有限公司",
  "分公司", "总公司", "公司", "集团", "总厂", "分厂", "工厂", "厂", "商行", "经营部", "门市部", "工作室", "事务所", "个体工商户",
].sort((a, b) => b.length - a.length);

/** Legal forms in English names. */
export const LATIN_LEGAL_FORMS: readonly string[] = ["co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "group", "holdings", "gmbh", "llc", "plc", "ag", "sa", "bv", "kg", "the", "and"];

/**
 * Trade words (行业): what the company does. After the trade name comes one or more of them
 * (恒力 + 精工 + 机械); two names with the same trade name and a trade in common are likely one company.
 */
export const TRADE_WORDS: readonly string[] = [
  "汽车零部件", "医疗器械", "精密机械", "国际贸易", "新材料", "新能源", "供应链", "自动化", "进出口", "紧固件", "半导体",
  "机械", "精工", "精密", "科技", "技术", "电子", "电气", "电器", "贸易", "商贸", "实业", "工业", "制造", "模具", "五金", "塑胶", "塑料", "橡胶", "化工", "材料",
  "零部件", "配件", "包装", "印刷", "物流", "智能", "设备", "机电", "金属", "钢铁", "钢材", "铸造", "锻造", "轴承", "光电", "信息", "网络", "软件", "工程", "建设", "环保",
  "能源", "生物", "食品", "纺织", "服饰", "家具", "照明", "汽车", "动力", "传动", "液压", "气动", "仪器", "仪表", "控制", "系统", "装备", "集成", "发展", "投资", "控股", "管理",
  "咨询", "服务", "制品", "数字", "制冷", "空调", "家电", "电机", "重工", "光伏", "玻璃", "高科技", "高科", "加工", "铝业", "铜业", "钢构", "线缆", "电缆", "泵业", "阀门", "精密制造", "机床", "刀具", "磨具", "涂料", "油漆", "胶粘", "标准件", "弹簧", "齿轮",
].sort((a, b) => b.length - a.length);

/** Trade words that qualify rather than say what is made (精密, 科技): sharing only these is no sign of one company. */
export const QUALIFYING_TRADES: ReadonlySet<string> = new Set(["精密", "科技", "技术", "高科技", "高科", "工业", "实业", "制造", "智能", "发展", "投资", "控股", "管理", "服务", "信息", "集成", "系统", "贸易", "商贸", "国际贸易", "进出口", "新材料", "精密制造"]);

/** Trade words of English names, mapped to one key per trade where Chinese has several words. */
export const LATIN_TRADE_WORDS: Readonly<Record<string, string>> = {
  precision: "精工", machinery: "机械", machine: "机械", mechanical: "机械", technology: "科技", technologies: "科技", tech: "科技", electronics: "电子", electronic: "电子",
  electric: "电气", electrical: "电气", trading: "贸易", trade: "贸易", industrial: "工业", industry: "工业", industries: "工业", manufacturing: "制造", mould: "模具", mold: "模具",
  hardware: "五金", plastic: "塑胶", plastics: "塑胶", rubber: "橡胶", chemical: "化工", chemicals: "化工", materials: "材料", material: "材料", parts: "零部件", components: "零部件",
  packaging: "包装", printing: "印刷", logistics: "物流", automation: "自动化", equipment: "设备", metal: "金属", metals: "金属", steel: "钢铁", casting: "铸造", forging: "锻造",
  bearing: "轴承", bearings: "轴承", fasteners: "紧固件", fastener: "紧固件", auto: "汽车", automotive: "汽车", instruments: "仪器", hydraulic: "液压", hydraulics: "液压",
  engineering: "工程", systems: "系统", system: "系统", products: "制品", international: "国际贸易", development: "发展", investment: "投资", semiconductor: "半导体", optoelectronics: "光电",
};
