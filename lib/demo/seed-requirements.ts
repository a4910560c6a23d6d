import "server-only";
import type { Db } from "../db/client";

/**
 * One open opportunity at the solution stage (gaoyan's hydraulics customer, for the
 * library's valve body P-4003), so product requirements and liaison forms (CRM-7, CRM-8)
 * can be tried before any opportunity is entered; once.
 */
export async function seedRequirementDemo(db: Db, log: (m: string) => void) {
  if (await db.opportunity.findUnique({ where: { code: "OP800001" } })) return;
  const customer = await db.customer.findFirst({ where: { name: "江苏恒立液压股份有限公司" }, select: { id: true, ownerId: true, teamId: true, name: true } });
  if (!customer?.ownerId) return;
  await db.opportunity.create({ data: { code: "OP800001", name: "恒立液压阀体年度项目", customerId: customer.id, ownerId: customer.ownerId, teamId: customer.teamId, stage: "solution", probability: 30, createdById: customer.ownerId } });
  log(`opportunity OP800001 for ${customer.name}`);
}
