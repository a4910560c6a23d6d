import "server-only";
import type { Tx } from "../../db/client";

/**
 * The next contract number of the year (SC2026-0001), counted under a lock on the year so
 * two contracts made at once cannot take the same number.
 */
export async function nextContractNumber(tx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const prefix = `SC${year}-`;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`sales-contract-number:${year}`}))) AS l`;
  const last = await tx.salesContract.findFirst({ where: { number: { startsWith: prefix } }, orderBy: { number: "desc" }, select: { number: true } });
  const n = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}
