import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { loadConnection } from "../erp/connection";
import { queueOrderFlowStart } from "../erp/flow-start-jobs";
import { knownCurrency } from "../erp/master-currencies";
import { runJobNow } from "../workflow/jobs/run-job-now";
import { nextBusinessKey } from "../workflow/business-key";
import { blockReasonText } from "./certificates/block-reason";
import { parsePurchaseOrderInput, type PurchaseOrderInput } from "./purchase-order.schema";

const E = "srm.orderEntry.errors";

const created = (db: Db, where: { id: string } | { entryKey: string }) => db.purchaseOrder.findUniqueOrThrow({ where, include: { lines: { orderBy: { lineNo: "asc" } } } });

/**
 * A buyer enters a purchase order in the app (built-in connector: the app is the
 * ERP). The order, its lines and the job that starts its confirmation flow commit
 * together; the flow is then started at once. With an external ERP, orders come
 * from there (poll or webhook) and are not entered here. The entry form's token
 * (`entryKey`, kept per buyer) makes a form sent twice one order.
 */
export async function createPurchaseOrder(db: Db, who: Actor, raw: PurchaseOrderInput) {
  const actor = requirePermission(who, "purchase_order.manage");
  const input = parsePurchaseOrderInput(raw);
  if ((await loadConnection(db)).kind !== "builtin") throw new AppError("purchase_order_from_erp");
  const entryKey = input.entryKey ? `${actor.id}:${input.entryKey}` : null;
  if (entryKey && (await db.purchaseOrder.count({ where: { entryKey } }))) return created(db, { entryKey });
  const supplier = await db.supplier.findUnique({ where: { id: input.supplierId } });
  if (!supplier) throw new AppError("validation", { fieldErrors: { supplierId: `${E}.supplier` } });
  if (supplier.status !== "active") throw new AppError("supplier_not_active", { fieldErrors: { supplierId: `${E}.supplierInactive` } });
  if (supplier.blockedAt) {
    const params = { reasonZh: blockReasonText(supplier.blockedReason, "zh-CN"), reasonEn: blockReasonText(supplier.blockedReason, "en") };
    throw new AppError("supplier_blocked", { params, fieldErrors: { supplierId: "errors.supplier_blocked" } });
  }
  await knownCurrency(db, input.currencyCode);
  const products = new Map((await db.product.findMany({ where: { code: { in: input.lines.map((l) => l.productCode) }, active: true } })).map((p) => [p.code, p]));
  const unknown = input.lines.map((l, i) => [i, l] as const).filter(([, l]) => !products.has(l.productCode));
  if (unknown.length) throw new AppError("validation", { fieldErrors: Object.fromEntries(unknown.map(([i]) => [`lines.${i}.productCode`, `${E}.product`])) });

  const number = await nextBusinessKey(db, actor, "purchase_order");
  let made: { orderId: string; startJob: string };
  try {
    made = await db.$transaction(async (tx) => {
      const po = await tx.purchaseOrder.create({
        data: {
          number,
          // The built-in "ERP" knows the order by its number.
          erpId: number,
          entryKey,
          supplierId: supplier.id,
          currencyCode: input.currencyCode,
          orderDate: input.orderDate ? new Date(input.orderDate) : new Date(),
          lines: {
            create: input.lines.map((l, i) => {
              const p = products.get(l.productCode)!;
              const requestedDate = l.requestedDate ? new Date(l.requestedDate) : null;
              return {
                lineNo: i + 1,
                erpId: `${number}/${i + 1}`,
                productCode: p.code,
                description: l.description ?? p.name,
                quantity: l.quantity,
                originalQuantity: l.quantity,
                unitCode: l.unitCode ?? p.unitCode ?? "PCS",
                unitPrice: l.unitPrice,
                requestedDate,
                originalDate: requestedDate,
              };
            }),
          },
        },
      });
      const startJob = await queueOrderFlowStart(tx, po.id, { startedBy: actor.id });
      await writeAudit(tx, actor, { action: "purchase_order.create", entity: "PurchaseOrder", entityId: po.id, after: { number, supplier: supplier.code, currencyCode: input.currencyCode, lines: input.lines } });
      return { orderId: po.id, startJob };
    });
  } catch (e) {
    // The same form sent twice at once: the other request made the order.
    if (entryKey && isUniqueViolation(e)) return created(db, { entryKey });
    throw e;
  }
  await runJobNow(db, made.startJob);
  return created(db, { id: made.orderId });
}
