import "server-only";
import type { Db, Tx } from "../../../db/client";
import type { Prisma } from "../../../db/generated/client";

export const REVIEW_PROCESS = "opportunity_review";

export const reviewOpportunitySelect = {
  id: true,
  code: true,
  name: true,
  stage: true,
  ownerId: true,
  teamId: true,
  amount: true,
  currencyCode: true,
  expectedCloseDate: true,
  customer: { select: { id: true, code: true, name: true } },
  lines: { orderBy: { position: "asc" }, select: { position: true, productId: true, productCode: true, description: true, quantity: true, unitCode: true, unitPrice: true, discountPct: true, amount: true, unitCost: true, expectedDelivery: true } },
} satisfies Prisma.OpportunitySelect;

export type ReviewOpportunity = Prisma.OpportunityGetPayload<{ select: typeof reviewOpportunitySelect }>;

/** A line as the review saw it: what the snapshot keeps and the quotation is written from. */
type SnapshotLine = {
  position: number;
  productCode: string | null;
  description: string;
  quantity: number;
  unitCode: string | null;
  unitPrice: number;
  discountPct: number;
  /** The net amount (after discount). */
  amount: number;
  unitCost: number | null;
  expectedDelivery: string | null;
};

export type ReviewSnapshot = {
  code: string;
  name: string;
  stage: string;
  customer: { id: string; code: string; name: string };
  currencyCode: string;
  amount: number;
  expectedCloseDate: string | null;
  lines: SnapshotLine[];
  marginPct: number | null;
  marginFloorPct: number;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

function snapshotLines(o: ReviewOpportunity): SnapshotLine[] {
  return o.lines.map((l) => ({
    position: l.position,
    productCode: l.productCode,
    description: l.description,
    quantity: Number(l.quantity),
    unitCode: l.unitCode,
    unitPrice: Number(l.unitPrice),
    discountPct: Number(l.discountPct),
    amount: Number(l.amount),
    unitCost: l.unitCost === null ? null : Number(l.unitCost),
    expectedDelivery: day(l.expectedDelivery),
  }));
}

/**
 * Gross margin in percent of the net amount (unit price after discount, times quantity):
 * (net - cost) / net. Null when no line has a cost or the net amount is zero.
 */
function marginPct(lines: SnapshotLine[]): number | null {
  const costed = lines.filter((l) => l.unitCost !== null);
  const net = costed.reduce((n, l) => n + l.amount, 0);
  if (!costed.length || net <= 0) return null;
  const cost = costed.reduce((n, l) => n + (l.unitCost ?? 0) * l.quantity, 0);
  return round(((net - cost) / net) * 100, 2);
}

export function reviewSnapshot(o: ReviewOpportunity, floorPct: number): ReviewSnapshot {
  const lines = snapshotLines(o);
  return {
    code: o.code,
    name: o.name,
    stage: o.stage,
    customer: o.customer,
    currencyCode: o.currencyCode,
    amount: Number(o.amount),
    expectedCloseDate: day(o.expectedCloseDate),
    lines,
    marginPct: marginPct(lines),
    marginFloorPct: floorPct,
  };
}

/** The department head who reviews for a team: its own head, else the nearest one above. */
async function headOver(db: Db | Tx, departmentId: string | null): Promise<string | null> {
  for (let id = departmentId, hops = 0; id && hops < 10; hops++) {
    const d = await db.department.findUnique({ where: { id }, select: { headId: true, parentId: true, active: true } });
    if (!d) return null;
    if (d.active && d.headId) return d.headId;
    id = d.parentId;
  }
  return null;
}

/** Who reviews: the sales lead over the opportunity's team (else over its owner), the production department's head. */
export async function reviewers(db: Db | Tx, o: { ownerId: string; teamId: string | null }) {
  const owner = await db.employee.findUnique({ where: { id: o.ownerId }, select: { departmentId: true } });
  let salesLeadId = await headOver(db, o.teamId ?? owner?.departmentId ?? null);
  // A lead does not review their own opportunity: the head above them does.
  if (salesLeadId === o.ownerId) {
    const dept = await db.department.findFirst({ where: { headId: o.ownerId }, select: { parentId: true } });
    salesLeadId = await headOver(db, dept?.parentId ?? null);
  }
  const production = await db.department.findUnique({ where: { code: "production" }, select: { headId: true } });
  return { salesLeadId, productionHeadId: production?.headId ?? null };
}

/** The instance variables: what the reviewers see (ff:businessData) and what the forms' rules check. */
export function reviewVariables(o: ReviewOpportunity, s: ReviewSnapshot, who: { salesLeadId: string | null; productionHeadId: string | null }) {
  const dates = s.lines.map((l) => l.expectedDelivery).filter((d): d is string => !!d).sort();
  return {
    opportunityId: o.id,
    opportunityCode: o.code,
    opportunityName: o.name,
    customerName: s.customer.name,
    customerCode: s.customer.code,
    stage: o.stage,
    ownerId: o.ownerId,
    amount: s.amount,
    currencyCode: s.currencyCode,
    marginPct: s.marginPct,
    marginFloorPct: s.marginFloorPct,
    // The earliest delivery the customer asked for: production confirms it can be met.
    requestedDelivery: dates[0] ?? null,
    reviewLines: s.lines.map((l) => ({
      key: String(l.position),
      label: `${l.productCode ? `${l.productCode} ` : ""}${l.description} · ${s.currencyCode} ${l.amount.toFixed(2)}`,
      quantity: l.quantity,
      unit: l.unitCode ?? "",
      ...(l.expectedDelivery ? { date: l.expectedDelivery } : {}),
    })),
    salesLeadId: who.salesLeadId,
    productionHeadId: who.productionHeadId,
  };
}
