import "server-only";
import { loadEmployeeActor } from "../auth/load-actor";
import { addKnowledgeCategory } from "../crm/knowledge/add-knowledge-category";
import { createKnowledgeArticle } from "../crm/knowledge/save-knowledge-article";
import type { Db } from "../db/client";

const CATEGORIES = [
  { nameZh: "销售政策", nameEn: "Sales policies" },
  { nameZh: "价格与折扣", nameEn: "Pricing and discounts" },
  { nameZh: "产品知识", nameEn: "Product knowledge" },
  { nameZh: "拜访礼仪", nameEn: "Visit etiquette" },
];

const ARTICLES: { category: string; title: string; body: string }[] = [
  {
    category: "价格与折扣",
    title: "年度价格政策（精密零部件）",
    body: `本政策适用于销售部对外报价的全部精密零部件产品，自每年 1 月 1 日起执行，有效期一年。

## 报价基准
- 以公司发布的《标准价目表》为报价基准，价目表每季度由销售部与财务部联合复核一次。
- 原材料（铝合金、不锈钢）月均价波动超过 **5%** 时，销售部可申请临时调价，经总经理批准后生效。
- 对外报价一律含 13% 增值税，报价单有效期 30 天。

## 批量价格
- 单批次 1,000 件以上执行二档价，5,000 件以上执行三档价。
- 年度框架协议客户按协议价执行，协议价低于三档价的须经销售总监审批。

## 付款条件
标准付款条件为月结 60 天。A 级客户可申请月结 90 天，须附客户近一年的回款记录。`,
  },
  {
    category: "价格与折扣",
    title: "折扣审批权限",
    body: `为控制毛利、统一口径，所有低于标准价目表的折扣须按以下权限审批，不得先报价后补批。

## 审批权限
- 折扣在 **5%** 以内（含）：客户经理自行决定，须在商机中写明理由。
- 折扣 5%–10%：销售主管审批。
- 折扣 10%–15%：销售总监审批，并附竞品报价或客户书面询价。
- 折扣超过 15%，或毛利率低于 18%：报总经理审批。

## 注意事项
- 同一客户同一产品一年内多次折扣须累计计算，不得拆单规避审批。
- 折扣审批通过后 30 天内有效，逾期重新审批。
- 样品、首单试制价格另按《样品申请规范》执行，不占用折扣额度。`,
  },
  {
    category: "产品知识",
    title: "精密零部件产品系列介绍",
    body: `公司主营精密机加工零部件，主要服务汽车零部件、自动化设备和电子行业客户。新同事请先熟悉以下四个产品系列。

## 精密轴类
直径 3–60 mm 的传动轴、电机轴，采用数控车铣复合加工，尺寸公差可达 ±0.005 mm，表面粗糙度 Ra0.4。典型客户：电机、液压件厂家。

## 铝合金壳体
新能源汽车电控壳体、减速器壳体，压铸毛坯 + 五轴加工，气密性测试 100% 全检。

## 精密结构件
自动化设备用的安装板、滑块、连接件，小批量多品种，交期 7–15 天。

## 不锈钢精密件
医疗器械和食品机械用的 304/316 不锈钢零件，可提供钝化和电解抛光处理。

## 质量体系
公司通过 IATF 16949 和 ISO 9001 认证，可提供 PPAP 文件、首件检验报告和材质证明。`,
  },
  {
    category: "拜访礼仪",
    title: "客户拜访礼仪与注意事项",
    body: `一次好的拜访，能让客户记住公司，也记住你。

## 拜访前
- 提前一天与客户确认时间、地点和参加人员，准时到达，不要早于约定时间 15 分钟以上进入客户厂区。
- 查看客户档案：上次联系记录、未结报价、在途订单和付款情况。
- 带好名片、产品样册和最新价目表（价目表不要直接留给客户）。

## 拜访中
- 着装整洁，进入车间按客户要求佩戴安全帽、劳保鞋，不随意拍照。
- 先听客户的需求和问题，再介绍产品；不承诺超出权限的价格和交期。
- 交换名片时双手递接，记下每位参加人员的职务。

## 拜访后
当天在系统中 **记录拜访**：联系内容、客户关注点、下次跟进日期，可附现场照片。需要技术或生产配合的事项，第二天内发起需求联络。`,
  },
  {
    category: "销售政策",
    title: "新客户建档与信用额度规定",
    body: `新客户在首次报价前须在系统中建档，建档时系统会自动查重，发现疑似重复客户请先与该客户的负责人沟通。

## 建档要求
- 必填：客户全称、统一社会信用代码、所属行业、地区、主要联系人及电话。
- 客户等级由销售主管评定：A 级为年采购额 500 万元以上，B 级 100–500 万元，C 级 100 万元以下。

## 信用额度
- 新客户首单一般要求预付 30%，发货前付清。
- 合作满半年且无逾期的客户，可申请信用额度，额度由财务部核定。
- 应收账款逾期超过 30 天的客户，系统暂停新订单审批，直至回款。`,
  },
  {
    category: "销售政策",
    title: "样品申请与交期承诺规范",
    body: `样品是赢得新项目的关键，但也占用生产资源，请按以下规范申请。

- 样品申请须关联商机，写明客户项目名称、预计年用量和样品数量。
- 常规样品 5 件以内免费，超过部分按标准价的 **50%** 收取样品费。
- 向客户承诺交期前，须在系统中查询生产排期或征得生产计划员确认，不得口头承诺。
- 样品交付后 7 天内回访客户，记录试装结果。`,
  },
];

/** The knowledge base's demo categories and articles, written by the sales lead through the use-cases; once. */
export async function seedKnowledge(db: Db, log: (m: string) => void) {
  if (await db.knowledgeCategory.count()) return;
  const lead = await db.employee.findUnique({ where: { username: "zhoujie" }, select: { id: true } });
  const actor = lead ? await loadEmployeeActor(lead.id, db) : null;
  if (!actor) return;
  const ids = new Map<string, string>();
  for (const c of CATEGORIES) ids.set(c.nameZh, (await addKnowledgeCategory(db, actor, c)).id);
  for (const a of ARTICLES) await createKnowledgeArticle(db, actor, { title: a.title, categoryId: ids.get(a.category)!, body: a.body });
  log(`knowledge base: ${CATEGORIES.length} categories, ${ARTICLES.length} articles`);
}
