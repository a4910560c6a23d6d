import "server-only";
import type { Db, Tx } from "../db/client";

/** The next n CRM customer codes (CU000001), skipping codes the ERP already uses. */
export async function nextCustomerCodes(tx: Db | Tx, n: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < n) {
    const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"Customer_code_seq"') AS n FROM generate_series(1, ${n - out.length}::int)`;
    const codes = rows.map((r) => `CU${String(r.n).padStart(6, "0")}`);
    const used = new Set((await tx.customer.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((c) => c.code));
    out.push(...codes.filter((c) => !used.has(c)));
  }
  return out;
}
