import "server-only";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import { loadCalendar } from "../../calendar/load-calendar";
import type { Db } from "../../db/client";
import { startInstance } from "../../workflow/start-instance";
import { plannedFinish } from "./stage-clock";

const LIAISON_STAGE_KEY = "liaison_stage";

/**
 * Moves a liaison form on after a stage finished (or when it was created), at the moment
 * that happened: when no stage of the running group is open any more, the next sequence
 * number's stages open together (their clocks start at `at`); with none left the form is
 * done. Serialised per form by an advisory lock, so two parallel stages finishing at once
 * open the next group once. Then every opened stage without a flow gets one (start key per
 * stage: a retry after a crash finds the flow it started).
 */
export async function advanceLiaisonForm(db: Db, formId: string, at: Date) {
  const calendar = await loadCalendar(db);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`liaison-form:${formId}`}))) AS l`;
    const form = await tx.liaisonForm.findUnique({ where: { id: formId }, select: { id: true, code: true, status: true, stages: { select: { id: true, seq: true, status: true, deadlineDays: true, deadlineDate: true } } } });
    if (!form || form.status !== "running") return;
    if (form.stages.some((s) => s.status === "allocating" || s.status === "working")) return;
    const waiting = form.stages.filter((s) => s.status === "waiting");
    if (!waiting.length) {
      await tx.liaisonForm.update({ where: { id: form.id }, data: { status: "done", currentSeq: null, finishedAt: at } });
      await writeAudit(tx, SYSTEM, { action: "liaison.done", entity: "LiaisonForm", entityId: form.id, after: { code: form.code } });
      return;
    }
    const seq = Math.min(...waiting.map((s) => s.seq));
    for (const s of waiting.filter((w) => w.seq === seq)) {
      await tx.liaisonStage.update({ where: { id: s.id }, data: { status: "allocating", startedAt: at, plannedFinishAt: plannedFinish(at, s, calendar) } });
    }
    await tx.liaisonForm.update({ where: { id: form.id }, data: { currentSeq: seq } });
    await writeAudit(tx, SYSTEM, { action: "liaison.group_open", entity: "LiaisonForm", entityId: form.id, after: { code: form.code, seq } });
  });
  await startStageFlows(db, formId);
}

async function startStageFlows(db: Db, formId: string) {
  const stages = await db.liaisonStage.findMany({
    where: { formId, status: "allocating", instanceId: null },
    include: { department: { select: { nameZh: true, headId: true } }, form: { select: { code: true, title: true, requirement: { select: { code: true } } } } },
  });
  const customers = new Map((await db.customer.findMany({ where: { id: { in: [...new Set(stages.map((s) => s.customerId))] } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  for (const s of stages) {
    await startInstance(db, SYSTEM, {
      key: LIAISON_STAGE_KEY,
      startKey: `liaison-stage:${s.id}`,
      businessKey: `${s.form.code}-${s.seq}-${s.department.nameZh}`,
      recordType: "LiaisonForm",
      recordId: s.formId,
      variables: {
        stageId: s.id,
        formCode: s.form.code,
        formTitle: s.form.title,
        requirementCode: s.form.requirement?.code ?? "",
        customerName: customers.get(s.customerId) ?? "",
        departmentName: s.department.nameZh,
        stageTask: s.task,
        headId: s.department.headId,
        plannedFinishAt: s.plannedFinishAt?.toISOString() ?? null,
      },
      link: async (tx, instanceId) => {
        await tx.liaisonStage.update({ where: { id: s.id }, data: { instanceId } });
      },
    });
  }
}
