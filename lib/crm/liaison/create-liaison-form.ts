import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { now } from "../../workflow/clock";
import { nextLiaisonFormCode } from "../requirements/requirement-codes";
import { UUID, visibleOpportunity, visibleRequirementsWhere } from "../requirements/requirement-scope";
import { advanceLiaisonForm } from "./advance-liaison-form";
import { liaisonFormInput, type LiaisonFormInput } from "./liaison.schema";

async function sourceOf(tx: Tx, actor: Actor, requirementId: string | null, opportunityId: string | null) {
  if (requirementId) {
    const where = await visibleRequirementsWhere(tx, actor);
    const r = UUID.test(requirementId) ? await tx.productRequirement.findFirst({ where: { AND: [{ id: requirementId }, where] }, select: { id: true, code: true, opportunityId: true, customerId: true } }) : null;
    if (!r) throw new AppError("validation", { fieldErrors: { requirementId: "validation.pick_from_list" } });
    return { requirementId: r.id, opportunityId: r.opportunityId, customerId: r.customerId, ref: r.code };
  }
  const o = await visibleOpportunity(tx, actor, opportunityId ?? "").catch(() => {
    throw new AppError("validation", { fieldErrors: { opportunityId: "validation.pick_from_list" } });
  });
  return { requirementId: null, opportunityId: o.id, customerId: o.customerId, ref: o.code };
}

/**
 * A liaison form (CRM-8) from a requirement or an opportunity the employee sees: stages of
 * active departments that have a head (the head allocates the person), each with working
 * days or a date (a past date is allowed: a form entered after the fact is late from the start). The first sequence group opens at once; its clocks start now.
 */
export async function createLiaisonForm(db: Db, who: Actor | null, raw: LiaisonFormInput) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(liaisonFormInput, raw);
  const at = now();
  const made = await db.$transaction(async (tx) => {
    const src = await sourceOf(tx, actor, input.requirementId, input.opportunityId);
    const deptIds = [...new Set(input.stages.map((s) => s.departmentId))];
    const depts = new Map((await tx.department.findMany({ where: { id: { in: deptIds.filter((d) => UUID.test(d)) }, active: true }, select: { id: true, headId: true } })).map((d) => [d.id, d]));
    const errors: Record<string, string> = {};
    input.stages.forEach((s, i) => {
      const d = depts.get(s.departmentId);
      if (!d) errors[`stages.${i}.departmentId`] = "validation.pick_from_list";
      else if (!d.headId) errors[`stages.${i}.departmentId`] = "validation.liaison_department_no_head";
    });
    if (Object.keys(errors).length) throw new AppError("validation", { fieldErrors: errors });
    const code = await nextLiaisonFormCode(tx);
    const form = await tx.liaisonForm.create({
      data: {
        code,
        title: input.title,
        requirementId: src.requirementId,
        opportunityId: src.opportunityId,
        customerId: src.customerId,
        createdById: actor.id,
        stages: {
          create: input.stages.map((s) => ({
            seq: s.seq,
            departmentId: s.departmentId,
            task: s.task,
            deadlineDays: s.deadlineDays ?? null,
            deadlineDate: s.deadlineDate ? new Date(`${s.deadlineDate}T00:00:00Z`) : null,
            customerId: src.customerId,
            opportunityId: src.opportunityId,
          })),
        },
      },
      select: { id: true, code: true },
    });
    await writeAudit(tx, actor, { action: "liaison.create", entity: "LiaisonForm", entityId: form.id, after: { code, title: input.title, from: src.ref, stages: input.stages.length } });
    return form;
  });
  await advanceLiaisonForm(db, made.id, at);
  return made;
}
