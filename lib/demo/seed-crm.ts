import "server-only";
import { loadEmployeeActor } from "../auth/load-actor";
import { createCustomer } from "../crm/create-customer";
import { logCustomerContact } from "../crm/log-customer-contact";
import { shanghaiToday } from "../crm/shanghai-day";
import type { Db } from "../db/client";

type DemoCustomer = { owner: string; name: string; creditCode?: string; industry: string; region: string; level: "A" | "B" | "C"; tags: string[]; contact: string; phone: string; address?: string; shared?: boolean; lastContactDaysAgo?: number };

/** Customers of both sales teams, contacted long ago, lately or never (the list's colours show them all). */
const CUSTOMERS: DemoCustomer[] = [
  { owner: "sunli", name: "苏州恒力精工机械有限公司", creditCode: "91320594MA1MXY8J2X", industry: "机械加工", region: "江苏苏州", level: "A", tags: ["重点客户", "汽车零部件"], contact: "陈志明", phone: "0512-6252 3300", address: "江苏省苏州市吴中区木渎镇金枫南路 1258 号", lastContactDaysAgo: 3 },
  { owner: "sunli", name: "常州星宇车灯股份有限公司", industry: "汽车零部件", region: "江苏常州", level: "B", tags: ["汽车零部件"], contact: "周敏", phone: "0519-8558 7000", shared: true, lastContactDaysAgo: 45 },
  { owner: "sunli", name: "无锡先导智能装备股份有限公司", industry: "自动化设备", region: "江苏无锡", level: "B", tags: ["设备"], contact: "钱坤", phone: "0510-8116 3000", lastContactDaysAgo: 75 },
  { owner: "sunli", name: "宁波拓普集团股份有限公司", industry: "汽车零部件", region: "浙江宁波", level: "C", tags: [], contact: "王立", phone: "0574-8680 0000", lastContactDaysAgo: 120 },
  { owner: "gaoyan", name: "杭州海康威视数字技术股份有限公司", industry: "电子", region: "浙江杭州", level: "A", tags: ["重点客户"], contact: "刘洁", phone: "0571-8807 5998", shared: true, lastContactDaysAgo: 10 },
  { owner: "gaoyan", name: "江苏恒立液压股份有限公司", industry: "液压", region: "江苏常州", level: "B", tags: [], contact: "汪涛", phone: "0519-6999 8888" },
  { owner: "majun", name: "东莞市长盈精密技术有限公司", industry: "精密结构件", region: "广东东莞", level: "A", tags: ["重点客户"], contact: "何丽", phone: "0769-8277 9999", address: "广东省东莞市清溪镇银泉工业区", shared: true, lastContactDaysAgo: 20 },
  { owner: "majun", name: "中山大洋电机股份有限公司", industry: "电机", region: "广东中山", level: "C", tags: [], contact: "林森", phone: "0760-2288 1234", lastContactDaysAgo: 95 },
];

/** The CRM's demo customers, entered and contacted through the CRM's own use-cases; once. */
export async function seedCrm(db: Db, log: (m: string) => void) {
  if (await db.customer.count({ where: { erpId: null } })) return;
  // The administrator's customer categories (CRM-2).
  for (const [i, name] of ["终端客户", "经销商", "战略客户"].entries()) await db.customerCategory.upsert({ where: { name }, create: { name, sortOrder: (i + 1) * 10 }, update: {} });
  const today = new Date(`${shanghaiToday()}T12:00:00+08:00`);
  for (const c of CUSTOMERS) {
    const owner = await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: c.owner } })).id, db);
    if (!owner) continue;
    const created = await createCustomer(db, owner, { name: c.name, creditCode: c.creditCode, industry: c.industry, region: c.region, level: c.level, tags: c.tags, contactName: c.contact, contactPhone: c.phone, address: c.address, sharedWithTeam: !!c.shared });
    if (c.lastContactDaysAgo !== undefined) {
      const on = new Date(today.getTime() - c.lastContactDaysAgo * 86_400_000).toISOString().slice(0, 10);
      await logCustomerContact(db, owner, { customerId: created.id, kind: c.lastContactDaysAgo > 30 ? "call" : "visit", note: `与${c.contact}沟通年度采购计划。`, on });
    }
    log(`customer ${created.code} ${c.name}`);
  }
}
