import "server-only";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { visibleContractsWhere } from "../contracts/contract-scope";
import { visibleRequirementsWhere } from "../requirements/requirement-scope";

/**
 * What hangs off an opportunity the employee has opened: its product requirements, the
 * liaison forms raised for it and its sales contracts, newest first. Each list is
 * filtered by its own visibility rule, so the card never shows what the lists would hide.
 */
export async function opportunityRelated(db: Db, who: Actor | null, opportunityId: string) {
  const [requirementScope, contractScope] = await Promise.all([visibleRequirementsWhere(db, who), visibleContractsWhere(db, who)]);
  const [requirements, liaisonForms, contracts] = await Promise.all([
    db.productRequirement.findMany({ where: { AND: [{ opportunityId }, requirementScope] }, orderBy: { createdAt: "desc" }, take: 20, select: { id: true, code: true, title: true, status: true } }),
    db.liaisonForm.findMany({ where: { opportunityId, OR: [{ requirementId: null }, { requirement: requirementScope }] }, orderBy: { createdAt: "desc" }, take: 20, select: { id: true, code: true, title: true, status: true } }),
    db.salesContract.findMany({ where: { AND: [{ opportunityId }, contractScope] }, orderBy: { createdAt: "desc" }, take: 20, select: { id: true, number: true, status: true, template: true } }),
  ]);
  return { requirements, liaisonForms, contracts };
}
