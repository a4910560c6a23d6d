import "server-only";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { visibleContractsWhere } from "./contract-scope";
import type { ContractListQuery } from "./contract.schema";

const PAGE_SIZE = 50;

/** The contracts the employee sees, newest first, filtered by status, template and a search over number and customer. */
export async function listContracts(db: Db, who: Actor | null, q: ContractListQuery) {
  const and: Prisma.SalesContractWhereInput[] = [await visibleContractsWhere(db, who)];
  if (q.status) and.push({ status: q.status });
  if (q.template) and.push({ template: q.template });
  if (q.q) and.push({ OR: [{ number: { contains: q.q, mode: "insensitive" } }, { customer: { name: { contains: q.q, mode: "insensitive" } } }, { customer: { code: { contains: q.q, mode: "insensitive" } } }] });
  const where = { AND: and };
  const [total, rows] = await Promise.all([
    db.salesContract.count({ where }),
    db.salesContract.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, number: true, template: true, status: true, currencyCode: true, totalAmount: true, currentVersion: true, signedAt: true, createdAt: true, customer: { select: { id: true, name: true } }, opportunity: { select: { code: true } } },
    }),
  ]);
  return { total, page: q.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), rows: rows.map((r) => ({ ...r, totalAmount: Number(r.totalAmount) })) };
}
