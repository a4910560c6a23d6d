// The generated customer base the CRM benches load (issue 16): companies named as Chinese
// companies write themselves (region, a four-syllable trade name, trade, legal form), their
// name forms made by the product's own function (lib/names/customer-name-fields.ts), loaded
// 10,000 a statement straight into "Customer". Used by bench/crm-scale.ts and bench/crm-import.ts.
import type { openDb } from "../lib/db/client";
import { creditCodeCheck } from "../lib/names/credit-code";
import { customerNameFields } from "../lib/names/customer-name-fields";

type BenchDb = Awaited<ReturnType<typeof openDb>>["db"];

const CHUNK = 10_000;
// Trade names from four syllables of a fixed list, trades and regions as companies write them.
const SYL = "恒力精工华森博睿汇川联合宏达鑫源永盛金泰瑞丰德隆长盈信达万通天成东方新创明辉正泰宇通安捷凯达佳美".split("");
const TRADES = ["精密机械", "模具", "电子科技", "传动科技", "五金制品", "汽车零部件", "塑胶制品", "自动化设备"];
const REGIONS = ["苏州", "江苏省无锡市", "宁波", "东莞市", "上海", "浙江杭州", "深圳", "青岛"];
const FORMS = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"];

function parts(i: number) {
  const a = SYL[i % SYL.length];
  const b = SYL[Math.floor(i / SYL.length) % SYL.length];
  const c = SYL[Math.floor(i / SYL.length ** 2) % SYL.length];
  const d = SYL[Math.floor(i / SYL.length ** 3) % SYL.length];
  return { region: REGIONS[i % REGIONS.length], trade: `${a}${b}${c}${d}${TRADES[Math.floor(i / 7) % TRADES.length]}`, form: FORMS[i % FORMS.length] };
}

/** Existing customer number i: its name and the name forms the product stores beside it. */
export function baseCustomer(i: number) {
  const p = parts(i);
  const name = `${p.region}${p.trade}${p.form}`;
  return { name, ...customerNameFields(name) };
}

/** Existing customer i's credit code (prefix 9132000, so never one of an import file's 9131000 codes). */
export function baseCreditCode(i: number) {
  const first = `9132000${String(i).padStart(10, "0")}`;
  return first + creditCodeCheck(first);
}

/** Existing customer i written another way, as a file would: region in brackets after the trade name, the short legal form. */
export function baseNameVariant(i: number) {
  const p = parts(i);
  return `${p.trade}（${p.region.replace(/省|市/g, "").slice(-2)}）有限公司`;
}

/**
 * Loads `count` customers (codes BX0000000...), owned by the demo sales reps, one rep
 * (sunli) owning `mine` of them; with `creditCodes` each gets baseCreditCode(i).
 */
export async function loadBaseCustomers(db: BenchDb, count: number, opts: { mine?: number; creditCodes?: boolean } = {}) {
  const mine = opts.mine ?? 2000;
  const sales = await db.employee.findMany({ where: { username: { in: ["sunli", "gaoyan", "majun", "zhoujie", "heqiang"] } }, select: { id: true, username: true, departmentId: true } });
  const sunli = sales.find((s) => s.username === "sunli")!;
  const others = sales.filter((s) => s.username !== "sunli");
  const every = Math.max(1, Math.floor(count / mine));
  for (let start = 0; start < count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, k) => start + k).map((i) => {
      const owner = i % every === 0 ? sunli : others[i % others.length];
      return { i, ...baseCustomer(i), creditCode: opts.creditCodes ? baseCreditCode(i) : null, ownerId: owner.id, teamId: owner.departmentId };
    });
    await db.$executeRaw`INSERT INTO "Customer" (id, code, name, "nameKey", "nameBrand", "namePinyin", "nameInitials", "creditCode", "ownerId", "teamId", "lastContactAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, 'BX' || lpad(r.i::text, 7, '0'), r.name, r.key, r.brand, r.pinyin, r.initials, r.credit, r.owner, r.team,
             now() - (r.i % 400) * interval '1 day', now() - interval '500 days', now()
      FROM unnest(${rows.map((r) => r.i)}::int[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.nameKey)}::text[], ${rows.map((r) => r.nameBrand)}::text[],
                  ${rows.map((r) => r.namePinyin)}::text[], ${rows.map((r) => r.nameInitials)}::text[], ${rows.map((r) => r.creditCode)}::text[], ${rows.map((r) => r.ownerId)}::text[], ${rows.map((r) => r.teamId)}::text[])
        AS r(i, name, key, brand, pinyin, initials, credit, owner, team)`;
  }
}
