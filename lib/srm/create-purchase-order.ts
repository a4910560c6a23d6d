import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { loadConnection } from "../erp/connection";
import { queueOrderFlowStart } from "../erp/flow-start-jobs";
import { runJobNow } from "../workflow/jobs/run-job-now";
import { nextBusinessKey } from "../workflow/business-key";
import { purchaseOrderInput, type PurchaseOrderInput } from "./purchase-order.schema";
import { parseInput } from "../errors/parse-input";

/**
 * A buyer enters a purchase order in the app (built-in connector: the app is the
 * ERP). The order, its lines and the job that starts its confirmation flow commit
 * together; the flow is then started at once. With an external ERP, orders come
 * from there (poll or webhook) and are not entered here.
 */
export async function createPurchaseOrder(db: Db, who: Actor, raw: PurchaseOrderInput) {
  const actor = requirePermission(who, "purchase_order.manage");
  const input = parseInput(purchaseOrderInput, raw);
  if ((await loadConnection(db)).kind !== "builtin") throw new AppError("purchase_order_from_erp");
  const supplier = await db.supplier.findUnique({ where: { id: input.supplierId } });
  if (!supplier) throw new AppError("validation", { fieldErrors: { supplierId: "validation.invalid_value" } });
  if (supplier.status !== "active") throw new AppError("supplier_not_active");
  const products = new Map((await db.product.findMany({ where: { code: { in: input.lines.map((l) => l.productCode) } } })).map((p) => [p.code, p]));
  const unknown = input.lines.findIndex((l) => !products.has(l.productCode));
  if (unknown >= 0) throw new AppError("validation", { fieldErrors: { [`lines.${unknown}.productCode`]: "validation.invalid_value" } });

  const number = await nextBusinessKey(db, actor, "purchase_order");
  const { order, startJob } = await db.$transaction(async (tx) => {
    const po = await tx.purchaseOrder.create({
      data: {
        number,
        // The built-in "ERP" knows the order by its number.
        erpId: number,
        supplierId: supplier.id,
        currencyCode: input.currencyCode,
        orderDate: input.orderDate ? new Date(input.orderDate) : new Date(),
        lines: {
          create: input.lines.map((l, i) => {
            const p = products.get(l.productCode)!;
            return {
              lineNo: i + 1,
              erpId: `${number}/${i + 1}`,
              productCode: p.code,
              description: l.description ?? p.name,
              quantity: l.quantity,
              unitCode: l.unitCode ?? p.unitCode ?? "PCS",
              unitPrice: l.unitPrice,
              requestedDate: l.requestedDate ? new Date(l.requestedDate) : null,
            };
          }),
        },
      },
      include: { lines: true },
    });
    const startJob = await queueOrderFlowStart(tx, po.id, { startedBy: actor.id });
    await writeAudit(tx, actor, { action: "purchase_order.create", entity: "PurchaseOrder", entityId: po.id, after: { number, supplier: supplier.code, lines: input.lines } });
    return { order: po, startJob };
  });
  await runJobNow(db, startJob);
  return db.purchaseOrder.findUniqueOrThrow({ where: { id: order.id }, include: { lines: { orderBy: { lineNo: "asc" } } } });
}
