import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { foldText } from "../knowledge/fold-text";
import { nextRequirementCode } from "./requirement-codes";
import { requirementInput, type RequirementInput } from "./requirement.schema";
import { UUID, visibleOpportunity } from "./requirement-scope";

/** The library product and category of a requirement; a product brings its own category. */
async function linkedProduct(tx: Tx, categoryId: string | null, productId: string | null) {
  if (productId) {
    const product = UUID.test(productId) ? await tx.product.findFirst({ where: { id: productId, active: true }, select: { id: true, categoryId: true } }) : null;
    if (!product) throw new AppError("validation", { fieldErrors: { productId: "validation.pick_from_list" } });
    if (categoryId && product.categoryId && product.categoryId !== categoryId) throw new AppError("validation", { fieldErrors: { productId: "validation.pick_from_list" } });
    return { productId: product.id, categoryId: product.categoryId ?? categoryId };
  }
  if (categoryId) {
    const category = UUID.test(categoryId) ? await tx.productCategory.findFirst({ where: { id: categoryId, active: true }, select: { id: true } }) : null;
    if (!category) throw new AppError("validation", { fieldErrors: { categoryId: "validation.pick_from_list" } });
  }
  return { productId: null, categoryId };
}

const requirementSearchText = (r: { code: string; title: string; customerCode: string; description: string }) => foldText(`${r.code}\n${r.title}\n${r.customerCode}\n${r.description}`);

/**
 * A product requirement raised from an opportunity the employee sees (CRM-7): the customer
 * and its code come from the opportunity, never from the form; the library product's and
 * category's parameters stay linked (read live); extra parameters are this requirement's own.
 */
export async function createRequirement(db: Db, who: Actor | null, raw: RequirementInput) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(requirementInput, raw);
  return db.$transaction(async (tx) => {
    const opp = await visibleOpportunity(tx, actor, input.opportunityId).catch(() => {
      throw new AppError("validation", { fieldErrors: { opportunityId: "validation.pick_from_list" } });
    });
    const linked = await linkedProduct(tx, input.categoryId, input.productId);
    const names = new Set<string>();
    for (const p of input.extraParams) {
      if (names.has(p.name)) throw new AppError("validation", { fieldErrors: { extraParams: "validation.taken" } });
      names.add(p.name);
    }
    const code = await nextRequirementCode(tx);
    const made = await tx.productRequirement.create({
      data: {
        code,
        title: input.title,
        opportunityId: opp.id,
        customerId: opp.customerId,
        customerCode: opp.customer.code,
        ...linked,
        extraParams: input.extraParams,
        quantity: input.quantity ?? null,
        targetDate: input.targetDate ? new Date(`${input.targetDate}T00:00:00Z`) : null,
        description: input.description,
        searchText: requirementSearchText({ code, title: input.title, customerCode: opp.customer.code, description: input.description }),
        createdById: actor.id,
      },
      select: { id: true, code: true },
    });
    await writeAudit(tx, actor, { action: "requirement.create", entity: "ProductRequirement", entityId: made.id, after: { code, title: input.title, opportunity: opp.code, customerCode: opp.customer.code } });
    return made;
  });
}
