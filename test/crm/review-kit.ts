// Opportunities for the review tests with exactly the lines (costs, discounts, units) a
// case needs, stored directly: majun's (华南销售组, lead heqiang) for 东莞市长盈精密.
import type { Db } from "@/lib/db/client";
import { openTasks } from "../workflow-fixtures";

export type KitLine = { productCode?: string | null; description?: string; quantity: number; unitPrice: number; discountPct?: number; unitCost?: number | null; unitCode?: string; expectedDelivery?: string };

export async function makeOpportunity(db: Db, code: string, stage: "qualify" | "solution" | "quotation" | "won", lines: KitLine[]) {
  const majun = await db.employee.findUniqueOrThrow({ where: { username: "majun" } });
  const customer = await db.customer.findFirstOrThrow({ where: { name: "东莞市长盈精密技术有限公司" } });
  const amounts = lines.map((l) => Math.round(l.quantity * l.unitPrice * (1 - (l.discountPct ?? 0) / 100) * 100) / 100);
  return db.opportunity.create({
    data: {
      code,
      name: `散热片项目 ${code}`,
      customerId: customer.id,
      ownerId: majun.id,
      teamId: majun.departmentId,
      stage,
      amount: amounts.reduce((a, b) => a + b, 0),
      createdById: majun.id,
      lines: {
        create: lines.map((l, i) => ({
          position: i + 1,
          productCode: l.productCode === undefined ? "P-1002" : l.productCode,
          description: l.description ?? "铝合金散热片 60×40",
          quantity: l.quantity,
          unitCode: l.unitCode ?? "PCS",
          unitPrice: l.unitPrice,
          discountPct: l.discountPct ?? 0,
          amount: amounts[i],
          unitCost: l.unitCost === undefined ? 3 : l.unitCost,
          expectedDelivery: l.expectedDelivery ? new Date(l.expectedDelivery) : null,
        })),
      },
    },
  });
}

/** The one open task of an instance. */
export async function theOpenTask(db: Db, instanceId: string) {
  const [only] = await openTasks(db, instanceId);
  return only;
}
