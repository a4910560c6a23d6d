import "server-only";
import type { EmployeeActor, SupplierActor } from "../auth/actor";
import type { Db } from "../db/client";
import { createPurchaseOrder } from "../srm/create-purchase-order";
import type { LotRow } from "../workflow/forms";
import { complete, dayIn, employeeActor, portalActor, settle } from "./showcase-kit";

type Line = { productCode: string; quantity: number; unitPrice: number };
type Lot = { lotNumber: string; quantity: number; rejected?: number; note?: string };
type Scenario = {
  /** The entry form's token: the order is made once, however often the seed runs. */
  entryKey: string;
  lines: Line[];
  /** Days since it was ordered, and until the delivery it asks for. */
  orderedAgo: number;
  requestedIn: number;
  /** How far the supplier, the warehouse and quality take it (the flows' own steps). */
  until: "open" | "proposed" | "declined" | "confirmed" | "shipped" | "received";
  /** Per order line, the lots shipped (default: one lot of everything, all accepted). */
  lots?: Lot[][];
};

/** S001's orders in every state, as supplier1's portal and purchasing's lists show them. */
const SCENARIOS: Scenario[] = [
  { entryKey: "5c0e0001-0000-4000-8000-000000000001", orderedAgo: 1, until: "open", requestedIn: 14, lines: [{ productCode: "P-1001", quantity: 3000, unitPrice: 0.35 }] },
  { entryKey: "5c0e0001-0000-4000-8000-000000000002", orderedAgo: 2, until: "proposed", requestedIn: 10, lines: [{ productCode: "P-1002", quantity: 600, unitPrice: 4.2 }, { productCode: "P-1001", quantity: 2000, unitPrice: 0.35 }] },
  { entryKey: "5c0e0001-0000-4000-8000-000000000003", orderedAgo: 5, until: "confirmed", requestedIn: 12, lines: [{ productCode: "P-1001", quantity: 8000, unitPrice: 0.34 }, { productCode: "P-1002", quantity: 400, unitPrice: 4.2 }] },
  { entryKey: "5c0e0001-0000-4000-8000-000000000004", orderedAgo: 8, until: "shipped", requestedIn: 3, lines: [{ productCode: "P-1002", quantity: 300, unitPrice: 4.2 }] },
  { entryKey: "5c0e0001-0000-4000-8000-000000000005", orderedAgo: 14, until: "received", requestedIn: 1, lines: [{ productCode: "P-1001", quantity: 2000, unitPrice: 0.35 }, { productCode: "P-1002", quantity: 200, unitPrice: 4.2 }] },
  {
    entryKey: "5c0e0001-0000-4000-8000-000000000006",
    orderedAgo: 12,
    until: "received",
    requestedIn: 2,
    lines: [{ productCode: "P-1002", quantity: 500, unitPrice: 4.2 }],
    lots: [[{ lotNumber: "HS2411-A", quantity: 300 }, { lotNumber: "HS2411-B", quantity: 200, rejected: 40, note: "散热片表面划伤，40 件退回" }]],
  },
  { entryKey: "5c0e0001-0000-4000-8000-000000000007", orderedAgo: 3, until: "declined", requestedIn: 7, lines: [{ productCode: "P-2001", quantity: 1000, unitPrice: 9 }] },
];

const WAYBILLS = ["SF1420 8837 6610", "SF1420 8837 7725", "ZTO7531 0264 118"];

type People = { buyer: EmployeeActor; supplier: SupplierActor; warehouse: EmployeeActor; quality: EmployeeActor };

/** S001's showcase orders, each made once (by its entry token) and driven through the real flows. */
export async function seedShowcaseOrders(db: Db, log: (m: string) => void) {
  const s001 = await db.supplier.findUnique({ where: { code: "S001" } });
  if (!s001 || !(await db.supplierUser.count({ where: { username: "supplier1" } }))) return;
  const people: People = { buyer: await employeeActor(db, "lina"), supplier: await portalActor(db, "supplier1"), warehouse: await employeeActor(db, "zhaoqiang"), quality: await employeeActor(db, "chenjing") };
  for (const [i, sc] of SCENARIOS.entries()) {
    if (await db.purchaseOrder.count({ where: { entryKey: { endsWith: `:${sc.entryKey}` } } })) continue;
    const po = await createPurchaseOrder(db, people.buyer, { supplierId: s001.id, currencyCode: "CNY", entryKey: sc.entryKey, orderDate: dayIn(-sc.orderedAgo), lines: sc.lines.map((l) => ({ ...l, requestedDate: dayIn(sc.requestedIn) })) });
    await settle(db);
    await advanceOrder(db, people, po.id, sc, WAYBILLS[i % WAYBILLS.length]);
    log(`showcase order ${po.number} (${sc.until})`);
  }
}

async function advanceOrder(db: Db, people: People, orderId: string, sc: Scenario, waybillNo: string) {
  const po = await db.purchaseOrder.findUniqueOrThrow({ where: { id: orderId }, include: { lines: { orderBy: { lineNo: "asc" } } } });
  const instanceId = po.instanceId;
  if (!instanceId || sc.until === "open") return;
  const perLine = <T>(f: (l: (typeof po.lines)[number]) => T) => Object.fromEntries(po.lines.map((l) => [l.id, f(l)]));
  if (sc.until === "declined") {
    await complete(db, people.supplier, instanceId, "supplier_confirm", { response: "decline", declineReason: "该型号注塑模具正在返修，本月无法排产" });
    return;
  }
  if (sc.until === "proposed") {
    const proposal = { proposedQuantities: perLine((l) => (l.lineNo === 1 ? Number(l.quantity) - 100 : Number(l.quantity))), proposedDates: perLine(() => dayIn(sc.requestedIn + 8)) };
    await complete(db, people.supplier, instanceId, "supplier_confirm", { response: "propose", ...proposal, proposalNote: "铝型材到货延迟，第 1 行先交 500 件，交期顺延 8 天", supplierRef: "QF-2411-082" });
    return;
  }
  await complete(db, people.supplier, instanceId, "supplier_confirm", { response: "confirm", confirmedDate: dayIn(sc.requestedIn), confirmedQuantities: perLine((l) => Number(l.quantity)), supplierRef: `QF-${po.number.replace(/\D/g, "")}` });
  if (sc.until === "confirmed") return;
  const plan = await db.deliveryPlan.findFirstOrThrow({ where: { orderId }, include: { lines: true } });
  if (!plan.instanceId) throw new Error(`showcase: the delivery of ${po.number} did not start`);
  const lotsOf = (i: number): Lot[] => sc.lots?.[i] ?? [{ lotNumber: `${po.number}-${i + 1}`, quantity: Number(po.lines[i].quantity) }];
  const shippedLots = Object.fromEntries(
    plan.lines.map((pl) => {
      const i = po.lines.findIndex((l) => l.id === pl.orderLineId);
      const lots = lotsOf(i).map(({ lotNumber, quantity }) => ({ lotNumber, quantity }));
      return [pl.id, { shipped: lots.reduce((n, l) => n + l.quantity, 0), lots }];
    }),
  );
  await complete(db, people.supplier, plan.instanceId, "supplier_ship", { shippedDate: dayIn(0), waybillNo, shippedLots });
  if (sc.until === "shipped") return;
  const outcome = new Map((sc.lots ?? []).flat().map((l) => [l.lotNumber, l]));
  await receive(db, people, plan.instanceId, outcome);
}

const lotRows = async (db: Db, instanceId: string) => {
  const inst = await db.processInstance.findUniqueOrThrow({ where: { id: instanceId }, select: { variables: true } });
  return ((inst.variables as Record<string, unknown>).lotRows ?? []) as LotRow[];
};

/** The warehouse counts, quality inspects (a lot's rejected part goes onto a return), the warehouse puts away and confirms. */
async function receive(db: Db, people: People, instanceId: string, outcome: Map<string, Lot>) {
  let rows = await lotRows(db, instanceId);
  await complete(db, people.warehouse, instanceId, "pre_receipt", { lotCounts: Object.fromEntries(rows.map((r) => [r.key, { counted: r.shipped }])) });
  rows = await lotRows(db, instanceId);
  const inspection = Object.fromEntries(
    rows.map((r) => {
      const lot = outcome.get(r.lotNumber);
      const rejected = lot?.rejected ?? 0;
      return [r.key, rejected ? { sampled: 20, result: "fail", rejected, defect: "appearance", note: lot?.note } : { sampled: Math.min(20, r.counted ?? r.shipped), result: "pass", rejected: 0 }];
    }),
  );
  await complete(db, people.quality, instanceId, "quality_inspection", { inspection });
  rows = await lotRows(db, instanceId);
  const bins = ["WH01-STOCK-A01", "WH01-STOCK-A02", "WH01-STOCK-B01"];
  const putAway = Object.fromEntries(rows.filter((r) => (r.accepted ?? 0) > 0).map((r, i) => [r.key, { location: "WH01-STOCK", bin: bins[i % bins.length] }]));
  await complete(db, people.warehouse, instanceId, "put_away", { putAway });
  await complete(db, people.warehouse, instanceId, "receipt_summary", { comment: "数量与质检结果核对无误" });
}
