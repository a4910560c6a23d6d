import "server-only";
import type { Actor, EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError, isUniqueViolation } from "../../errors/app-error";
import { knownCurrency } from "../../erp/master-currencies";
import { parseInput } from "../../errors/parse-input";
import { visibleCustomer } from "../customer-scope";
import { mayWorkLead, visibleLead } from "../leads/lead-scope";
import { buildLines, centsText } from "./opportunity-lines";
import { dayDate, opportunityInput, type OpportunityInput } from "./opportunity.schema";
import { visibleOpportunity } from "./opportunity-scope";

/** The next opportunity number (OP000001). */
async function nextOpportunityCode(tx: Tx): Promise<string> {
  const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"Opportunity_code_seq"') AS n`;
  return `OP${String(n).padStart(6, "0")}`;
}

/** The converted lead the opportunity comes from: visible, workable by the employee, and not used by another opportunity yet. */
async function sourceLead(db: Db, actor: EmployeeActor, leadId: string) {
  const lead = await visibleLead(db, actor, leadId, { id: true, code: true, status: true, ownerId: true, teamId: true, conversion: { select: { customerId: true, opportunityName: true, expectedAmount: true } } });
  if (lead.status !== "converted" || !lead.conversion) throw new AppError("opportunity_lead_not_converted");
  if (!(await mayWorkLead(db, actor, { ownerId: lead.ownerId, teamId: lead.teamId }))) throw new AppError("lead_not_yours");
  if (await db.opportunity.findUnique({ where: { leadId: lead.id }, select: { id: true } })) throw new AppError("opportunity_lead_taken");
  return lead;
}

/**
 * A new opportunity (CRM-4), owned by the employee, for a customer they see: from
 * scratch, from a converted lead (its customer; leadId is unique, so a lead makes one
 * opportunity) and/or copied from a past opportunity they see (its lines with their
 * parameters, note and currency come along; copiedFromId marks the copy). The currency is
 * one of the ERP master data's. Stage "qualify" with
 * its default probability; amount = the lines' total.
 */
export async function createOpportunity(db: Db, who: Actor | null, raw: OpportunityInput, rawLines: unknown = []) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(opportunityInput, raw);
  const lead = input.leadId ? await sourceLead(db, actor, input.leadId) : null;
  const customerId = lead?.conversion?.customerId ?? input.customerId;
  if (!customerId) throw new AppError("validation", { fieldErrors: { customerId: "validation.required" } });
  const customer = await visibleCustomer(db, actor, customerId, { id: true, code: true });
  const source = input.copyFromId
    ? await visibleOpportunity(db, actor, input.copyFromId, { id: true, code: true, note: true, currencyCode: true, lines: { orderBy: { position: "asc" }, select: { position: true, productId: true, productCode: true, categoryId: true, description: true, params: true, quantity: true, unitCode: true, unitPrice: true, discountPct: true, amount: true, unitCost: true, expectedDelivery: true } } })
    : null;
  const currencyCode = source?.currencyCode ?? (await knownCurrency(db, input.currencyCode));
  return db.$transaction(async (tx) => {
    const typed = await buildLines(tx, rawLines);
    // A copy brings the past lines as they were (a product since deactivated stays on them).
    const lines = source ? source.lines.map((l) => ({ ...l, params: l.params as Prisma.InputJsonValue })) : typed.rows;
    const totalCents = source ? source.lines.reduce((s, l) => s + BigInt(Math.round(Number(l.amount) * 100)), 0n) : typed.totalCents;
    const stage = await tx.opportunityStageConfig.findUniqueOrThrow({ where: { stage: "qualify" }, select: { probability: true } });
    const opp = await tx.opportunity.create({
      data: {
        code: await nextOpportunityCode(tx),
        name: input.name,
        customerId: customer.id,
        leadId: lead?.id ?? null,
        copiedFromId: source?.id ?? null,
        ownerId: actor.id,
        teamId: actor.departmentId,
        stage: "qualify",
        probability: stage.probability,
        expectedCloseDate: dayDate(input.expectedCloseDate),
        amount: centsText(totalCents),
        currencyCode,
        note: input.note ?? source?.note ?? null,
        createdById: actor.id,
        lines: { createMany: { data: lines } },
      },
      select: { id: true, code: true, name: true, amount: true, currencyCode: true, stage: true, probability: true },
    });
    await writeAudit(tx, actor, {
      action: "opportunity.create",
      entity: "Opportunity",
      entityId: opp.id,
      after: { ...opp, amount: opp.amount.toString(), customerCode: customer.code, fromLead: lead?.code ?? null, copiedFrom: source?.code ?? null, lines: lines.length },
    });
    return opp;
  }).catch((e) => {
    // Two creates from one lead at once: the unique leadId lets one through.
    if (isUniqueViolation(e)) throw new AppError("opportunity_lead_taken");
    throw e;
  });
}
