"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { cancelContract } from "@/lib/crm/contracts/cancel-contract";
import { startContractApproval } from "@/lib/crm/contracts/contract-approval";
import type { ContractTermsInput } from "@/lib/crm/contracts/contract.schema";
import { createContract } from "@/lib/crm/contracts/create-contract";
import { reviseContract } from "@/lib/crm/contracts/revise-contract";
import { signContract } from "@/lib/crm/contracts/sign-contract";

// The use-cases validate their input, decide visibility and write the audit rows.
const id = z.string().max(40);

export const createContractAction = employeeAction("crm.view", z.object({ opportunityId: id.optional(), fromContractId: id.optional(), customerId: id.optional(), countryCode: z.string().max(2).optional() }), async (input, { actor, db }) => {
  const c = await createContract(db, actor, input);
  revalidatePath("/crm/contracts");
  return { id: c.id };
});

export const reviseContractAction = employeeAction("crm.view", z.object({ id, terms: z.record(z.string(), z.unknown()), note: z.string().max(500).optional(), expectedVersion: z.number().int() }), async (input, { actor, db }) => {
  const r = await reviseContract(db, actor, input.id, { ...(input.terms as ContractTermsInput), note: input.note ?? null, expectedVersion: input.expectedVersion });
  revalidatePath(`/crm/contracts/${input.id}`);
  return r;
});

export const startContractApprovalAction = employeeAction("crm.view", z.object({ id }), async (input, { actor, db }) => {
  await startContractApproval(db, actor, input.id);
  revalidatePath(`/crm/contracts/${input.id}`);
  return { id: input.id };
});

export const signContractAction = employeeAction("crm.view", z.object({ id, scanFileId: id.nullable().optional() }), async (input, { actor, db }) => {
  await signContract(db, actor, input.id, { scanFileId: input.scanFileId ?? null });
  revalidatePath(`/crm/contracts/${input.id}`);
  return { id: input.id };
});

export const cancelContractAction = employeeAction("crm.view", z.object({ id, reason: z.string().max(2000) }), async (input, { actor, db }) => {
  await cancelContract(db, actor, input.id, { reason: input.reason });
  revalidatePath(`/crm/contracts/${input.id}`);
  revalidatePath("/crm/contracts");
  return { id: input.id };
});
