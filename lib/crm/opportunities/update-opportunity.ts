import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { knownCurrency } from "../../erp/master-currencies";
import { parseInput } from "../../errors/parse-input";
import { buildLines, centsText } from "./opportunity-lines";
import { dayDate, opportunityHeaderInput, type OpportunityHeaderInput } from "./opportunity.schema";
import { editableOpportunity } from "./opportunity-scope";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The owner (or their sales lead) changes the name, expected close date, probability, note and, while open, the currency. */
export async function updateOpportunity(db: Db, who: Actor | null, id: string, raw: OpportunityHeaderInput) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(opportunityHeaderInput, raw);
  const before = await editableOpportunity(db, actor, id, { id: true, name: true, expectedCloseDate: true, probability: true, note: true, stage: true, currencyCode: true });
  const currencyCode = input.currencyCode ?? before.currencyCode;
  if (currencyCode !== before.currencyCode) {
    if (before.stage === "won" || before.stage === "lost") throw new AppError("validation", { fieldErrors: { currencyCode: "validation.currency_closed" } });
    await knownCurrency(db, currencyCode);
  }
  return db.$transaction(async (tx) => {
    await tx.opportunity.update({ where: { id: before.id }, data: { ...input, currencyCode, expectedCloseDate: dayDate(input.expectedCloseDate) } });
    await writeAudit(tx, actor, { action: "opportunity.update", entity: "Opportunity", entityId: before.id, before: { name: before.name, expectedCloseDate: day(before.expectedCloseDate), probability: before.probability, note: before.note, currencyCode: before.currencyCode }, after: { ...input, currencyCode } });
    return { id: before.id };
  });
}

/**
 * Replaces the opportunity's product lines with the editor's (library or typed, see
 * buildLines) and sets the amount to their total, in one transaction with its audit row.
 */
export async function saveOpportunityLines(db: Db, who: Actor | null, id: string, rawLines: unknown) {
  const actor = requirePermission(who, "crm.view");
  const opp = await editableOpportunity(db, actor, id, { id: true, amount: true, _count: { select: { lines: true } } });
  return db.$transaction(async (tx) => {
    const { rows, totalCents } = await buildLines(tx, rawLines);
    await tx.opportunityLine.deleteMany({ where: { opportunityId: opp.id } });
    if (rows.length) await tx.opportunityLine.createMany({ data: rows.map((r) => ({ ...r, opportunityId: opp.id })) });
    const amount = centsText(totalCents);
    await tx.opportunity.update({ where: { id: opp.id }, data: { amount } });
    await writeAudit(tx, actor, { action: "opportunity.lines", entity: "Opportunity", entityId: opp.id, before: { amount: opp.amount.toString(), lines: opp._count.lines }, after: { amount, lines: rows.map((r) => ({ productCode: r.productCode, description: r.description, quantity: r.quantity, unitPrice: r.unitPrice, discountPct: r.discountPct, amount: r.amount })) } });
    return { id: opp.id, amount };
  });
}
