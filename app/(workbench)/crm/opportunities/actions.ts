"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { createOpportunity } from "@/lib/crm/opportunities/create-opportunity";
import { moveOpportunity } from "@/lib/crm/opportunities/move-opportunity";
import type { OpportunityHeaderInput, OpportunityInput } from "@/lib/crm/opportunities/opportunity.schema";
import { saveOpportunityLines, updateOpportunity } from "@/lib/crm/opportunities/update-opportunity";
import { listLibraryProducts } from "@/lib/crm/products/product-library";

// The use-cases validate their input themselves (field errors), decide visibility and write the audit rows.
const withId = z.object({ id: z.string().max(40) }).catchall(z.unknown());

export const createOpportunityAction = employeeAction("crm.view", z.object({ lines: z.unknown().optional() }).catchall(z.unknown()), async ({ lines, ...input }, { actor, db }) => {
  const opp = await createOpportunity(db, actor, input as OpportunityInput, lines ?? []);
  revalidatePath("/crm/opportunities");
  return { id: opp.id };
});

export const updateOpportunityAction = employeeAction("crm.view", withId, async ({ id, ...input }, { actor, db }) => {
  await updateOpportunity(db, actor, id, input as OpportunityHeaderInput);
  revalidatePath(`/crm/opportunities/${id}`);
  return { id };
});

export const saveOpportunityLinesAction = employeeAction("crm.view", z.object({ id: z.string().max(40), lines: z.unknown() }), async ({ id, lines }, { actor, db }) => {
  const done = await saveOpportunityLines(db, actor, id, lines);
  revalidatePath(`/crm/opportunities/${id}`);
  return done;
});

export const moveOpportunityAction = employeeAction("crm.view", z.object({ id: z.string().max(40), stage: z.string().max(20), lostReason: z.string().max(500).nullish() }), async ({ id, ...input }, { actor, db }) => {
  const done = await moveOpportunity(db, actor, id, input as { stage: "qualify" });
  revalidatePath(`/crm/opportunities/${id}`);
  revalidatePath("/crm/opportunities/board");
  return done;
});

/** The line editor's library search: active products by code or name, with their category and parameters. */
export const searchLibraryProductsAction = employeeAction("crm.view", z.object({ q: z.string().max(100), categoryId: z.string().max(40).nullish() }), async ({ q, categoryId }, { actor, db }) => (await listLibraryProducts(db, actor, { q, categoryId, take: 20 })).rows);
