"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { convertLead } from "@/lib/crm/leads/convert-lead";
import { createLead } from "@/lib/crm/leads/create-leads";
import { disqualifyLead } from "@/lib/crm/leads/disqualify-lead";
import { distributeLeads } from "@/lib/crm/leads/distribute-leads";
import type { ConvertLeadInput, LeadInput } from "@/lib/crm/leads/lead.schema";
import { addAssignmentRule, addSourceRule, deleteLeadRule, setLeadStaleDays } from "@/lib/crm/leads/lead-rules";
import { updateLead } from "@/lib/crm/leads/update-lead";
import { workLead } from "@/lib/crm/leads/work-lead";

// The use-cases validate their input themselves (field errors), decide visibility and write the audit rows.
const record = z.record(z.string(), z.unknown());
const withId = z.object({ id: z.string().max(40) }).catchall(z.unknown());

export const createLeadAction = employeeAction("crm.view", record, async (input, { actor, db }) => {
  const lead = await createLead(db, actor, input as LeadInput);
  revalidatePath("/crm/leads");
  return { id: lead.id };
});

export const updateLeadAction = employeeAction("crm.view", withId, async ({ id, ...input }, { actor, db }) => {
  await updateLead(db, actor, id, input as LeadInput);
  revalidatePath(`/crm/leads/${id}`);
  revalidatePath("/crm/leads");
  return { id };
});

export const workLeadAction = employeeAction("crm.view", withId, async ({ id, ...input }, { actor, db }) => {
  await workLead(db, actor, id, input);
  revalidatePath(`/crm/leads/${id}`);
  return { id };
});

export const convertLeadAction = employeeAction("crm.view", withId, async ({ id, ...input }, { actor, db }) => {
  const done = await convertLead(db, actor, id, input as ConvertLeadInput);
  revalidatePath(`/crm/leads/${id}`);
  return done;
});

export const disqualifyLeadAction = employeeAction("crm.view", withId, async ({ id, ...input }, { actor, db }) => {
  await disqualifyLead(db, actor, id, input);
  revalidatePath(`/crm/leads/${id}`);
  return { id };
});

export const distributeLeadsAction = employeeAction("lead.distribute", z.object({ ids: z.array(z.string().max(40)).max(200), ownerId: z.string().max(40) }), async (input, { actor, db }) => {
  const done = await distributeLeads(db, actor, input);
  revalidatePath("/crm/leads");
  return done;
});

export const addSourceRuleAction = employeeAction("lead.rules", record, async (input, { actor, db }) => {
  const rule = await addSourceRule(db, actor, input);
  revalidatePath("/crm/leads/rules");
  return rule;
});

export const addAssignmentRuleAction = employeeAction("lead.rules", record, async (input, { actor, db }) => {
  const rule = await addAssignmentRule(db, actor, input);
  revalidatePath("/crm/leads/rules");
  return rule;
});

export const deleteLeadRuleAction = employeeAction("lead.rules", z.object({ list: z.enum(["source", "assignment"]), id: z.string().max(40) }), async ({ list, id }, { actor, db }) => {
  await deleteLeadRule(db, actor, list, id);
  revalidatePath("/crm/leads/rules");
  return { id };
});

export const setLeadStaleDaysAction = employeeAction("lead.rules", record, async (input, { actor, db }) => {
  const days = await setLeadStaleDays(db, actor, input);
  revalidatePath("/crm/leads/rules");
  return { days };
});
