import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditActor } from "../audit/write-audit";
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";

/*
 * The writes of one engine step as few, plain SQL statements. Every step runs
 * them, so their cost decides the runtime's throughput: Prisma walks a Json
 * argument key by key (the engine state is thousands of keys) and compiles a
 * new query plan for every createMany, each costing more CPU than the statement
 * itself. Same rows, same values as the equivalent Prisma calls; Dates are sent
 * the way Prisma sends them (UTC into timestamp(3)).
 */

export type StepRow = { id: string; version: number };
export type Prune = { messagesKeep: string[]; timersKeep: string[] | null };

/**
 * Writes the instance with `WHERE version = n` and, in the same statement, drops
 * message subscriptions and pending timer jobs the step no longer has
 * (timersKeep null: all of them); returns whether the row was ours and the
 * instance's open tasks. Without `prune` (a new instance) it only writes.
 */
export async function saveInstance(tx: Tx, instance: StepRow, set: { state: unknown; variables: unknown; status: string; endedAt: Date | null; incident: string | null; incidentCode: string | null }, prune: Prune | null) {
  const state = JSON.stringify(set.state);
  const variables = JSON.stringify(set.variables);
  if (!prune) {
    const n = await tx.$executeRaw`
      UPDATE "ProcessInstance" SET "state" = ${state}::jsonb, "variables" = ${variables}::jsonb, "status" = ${set.status}::"InstanceStatus",
        "version" = "version" + 1, "endedAt" = ${set.endedAt}, "incident" = ${set.incident}, "incidentCode" = ${set.incidentCode}
      WHERE "id" = ${instance.id} AND "version" = ${instance.version}`;
    return { updated: n === 1, open: [] as { id: string; executionId: string }[] };
  }
  const allTimers = prune.timersKeep === null;
  const [row] = await tx.$queryRaw<{ updated: bigint; open: { id: string; executionId: string }[] | null }[]>`
    WITH upd AS (
      UPDATE "ProcessInstance" SET "state" = ${state}::jsonb, "variables" = ${variables}::jsonb, "status" = ${set.status}::"InstanceStatus",
        "version" = "version" + 1, "endedAt" = ${set.endedAt}, "incident" = ${set.incident}, "incidentCode" = ${set.incidentCode}
      WHERE "id" = ${instance.id} AND "version" = ${instance.version}
      RETURNING "id"
    ), subs AS (
      DELETE FROM "EventSubscription" WHERE "instanceId" IN (SELECT "id" FROM upd) AND NOT ("executionId" = ANY(${prune.messagesKeep}::text[]))
    ), timers AS (
      DELETE FROM "Job" WHERE "instanceId" IN (SELECT "id" FROM upd) AND "kind" = 'timer' AND "status" = 'pending'
        AND (${allTimers} OR NOT ("idempotencyKey" = ANY(${prune.timersKeep ?? []}::text[])))
    )
    SELECT (SELECT count(*) FROM upd) AS updated,
      (SELECT json_agg(json_build_object('id', "id", 'executionId', "executionId")) FROM "Task" WHERE "instanceId" = ${instance.id} AND "status" = 'open') AS open`;
  return { updated: Number(row.updated) === 1, open: row.open ?? [] };
}

export type NewTaskRow = {
  instanceId: string;
  executionId: string;
  elementId: string;
  name: string;
  assigneeId: string | null;
  substituteFor: string | null;
  candidateGroups: string[];
  candidateSupplierId: string | null;
  formKey: string | null;
  dueAt: Date | null;
  priority: number;
  createdAt: Date;
};
export type InsertedTask = { id: string; executionId: string; name: string; assigneeId: string | null; candidateGroups: string[]; candidateSupplierId: string | null };

/** Inserts a task unless its execution already has one (then nothing, as an upsert with an empty update). */
export async function insertTask(tx: Tx, t: NewTaskRow): Promise<InsertedTask | null> {
  const rows = await tx.$queryRaw<InsertedTask[]>`
    INSERT INTO "Task" ("id", "instanceId", "executionId", "elementId", "name", "assigneeId", "substituteFor", "candidateGroups", "candidateSupplierId", "formKey", "dueAt", "priority", "createdAt")
    VALUES (${randomUUID()}, ${t.instanceId}, ${t.executionId}, ${t.elementId}, ${t.name}, ${t.assigneeId}, ${t.substituteFor}, ${t.candidateGroups}::text[], ${t.candidateSupplierId}, ${t.formKey}, ${t.dueAt}, ${t.priority}, ${t.createdAt})
    ON CONFLICT ("executionId") DO NOTHING
    RETURNING "id", "executionId", "name", "assigneeId", "candidateGroups", "candidateSupplierId"`;
  return rows[0] ?? null;
}

export type EventRow = { instanceId: string; at: Date; type: string; elementId?: string | null; taskId?: string | null; actorId?: string | null; data?: object | null };

/** The audit row of a step, as lib/audit/write-audit.ts writes it (same columns and values). */
export type AuditRow = { actor: AuditActor; action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown };

const auditJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** All history rows of a step, and its audit row when given, in one statement. */
export async function insertEvents(tx: Tx, rows: EventRow[], audit?: AuditRow) {
  if (!rows.length && !audit) return;
  if (!audit) {
    await tx.$executeRaw`
      INSERT INTO "InstanceEvent" ("id", "instanceId", "at", "type", "elementId", "taskId", "actorId", "data")
      SELECT * FROM unnest(${rows.map(() => randomUUID())}::text[], ${rows.map((r) => r.instanceId)}::text[], ${rows.map((r) => r.at)}::timestamp(3)[],
        ${rows.map((r) => r.type)}::text[], ${rows.map((r) => r.elementId ?? null)}::text[], ${rows.map((r) => r.taskId ?? null)}::text[],
        ${rows.map((r) => r.actorId ?? null)}::text[], ${rows.map((r) => (r.data == null ? null : JSON.stringify(r.data)))}::jsonb[])`;
    return;
  }
  const a = audit.actor;
  await tx.$executeRaw`
    WITH events AS (
      INSERT INTO "InstanceEvent" ("id", "instanceId", "at", "type", "elementId", "taskId", "actorId", "data")
      SELECT * FROM unnest(${rows.map(() => randomUUID())}::text[], ${rows.map((r) => r.instanceId)}::text[], ${rows.map((r) => r.at)}::timestamp(3)[],
        ${rows.map((r) => r.type)}::text[], ${rows.map((r) => r.elementId ?? null)}::text[], ${rows.map((r) => r.taskId ?? null)}::text[],
        ${rows.map((r) => r.actorId ?? null)}::text[], ${rows.map((r) => (r.data == null ? null : JSON.stringify(r.data)))}::jsonb[])
    )
    INSERT INTO "AuditLog" ("id", "at", "actorRealm", "actorId", "action", "entity", "entityId", "supplierId", "before", "after")
    VALUES (${randomUUID()}, ${new Date()}, ${a.realm}::"Realm", ${a.id}, ${audit.action}, ${audit.entity}, ${audit.entityId ?? null},
      ${a.realm === "supplier" ? (a.supplierId ?? null) : null}, ${auditJson(audit.before)}::jsonb, ${auditJson(audit.after)}::jsonb)`;
}

export type NotificationRow = Pick<Prisma.NotificationCreateManyInput, "recipientRealm" | "recipientId" | "kind" | "title"> & { link: string };

/** Notifications in one statement; createdAt is set here, as Prisma's @default(now()) would. */
export async function insertNotifications(tx: Tx, rows: NotificationRow[]) {
  if (!rows.length) return;
  const at = new Date();
  await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "recipientRealm", "recipientId", "kind", "title", "link", "createdAt")
    SELECT id, realm::"Realm", recipient, kind, title, link, ${at} FROM unnest(${rows.map(() => randomUUID())}::text[], ${rows.map((r) => r.recipientRealm)}::text[],
      ${rows.map((r) => r.recipientId)}::text[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.link)}::text[])
      AS n(id, realm, recipient, kind, title, link)`;
}

/** "task.offered" to every active member of the task's active groups, found and notified in one statement. */
export async function notifyGroupMembers(tx: Tx, groups: string[], title: string, link: string) {
  await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "recipientRealm", "recipientId", "kind", "title", "link", "createdAt")
    SELECT gen_random_uuid()::text, 'employee', m."employeeId", 'task.offered', ${title}, ${link}, ${new Date()}
    FROM (SELECT DISTINCT gm."employeeId" FROM "GroupMember" gm
          JOIN "Group" g ON g."id" = gm."groupId" JOIN "Employee" e ON e."id" = gm."employeeId"
          WHERE g."key" = ANY(${groups}::text[]) AND g."active" AND e."active") m`;
}

export type TaskForCompletion = {
  id: string;
  instanceId: string;
  executionId: string;
  elementId: string;
  status: string;
  assigneeId: string | null;
  candidateGroups: string[];
  candidateSupplierId: string | null;
  formKey: string | null;
  completedById: string | null;
  instance: { id: string; definitionId: string; status: string; state: unknown; version: number; businessKey: string | null; supplierId: string | null; startedBy: string | null };
};

/** A task with the instance it belongs to, in one round trip. */
export async function loadTaskForCompletion(tx: Tx, taskId: string): Promise<TaskForCompletion | null> {
  const rows = await tx.$queryRaw<(Omit<TaskForCompletion, "instance"> & { definitionId: string; instanceStatus: string; state: unknown; version: number; businessKey: string | null; supplierId: string | null; startedBy: string | null })[]>`
    SELECT t."id", t."instanceId", t."executionId", t."elementId", t."status"::text AS "status", t."assigneeId", t."candidateGroups", t."candidateSupplierId",
      t."formKey", t."completedById", i."definitionId", i."status"::text AS "instanceStatus", i."state", i."version", i."businessKey", i."supplierId", i."startedBy"
    FROM "Task" t JOIN "ProcessInstance" i ON i."id" = t."instanceId" WHERE t."id" = ${taskId}`;
  const r = rows[0];
  if (!r) return null;
  const { definitionId, instanceStatus, state, version, businessKey, supplierId, startedBy, ...task } = r;
  return { ...task, instance: { id: task.instanceId, definitionId, status: instanceStatus, state, version, businessKey, supplierId, startedBy } };
}

/** Closes an open task; false when it was not open any more (a concurrent completion got there first). */
export async function closeTask(tx: Tx, taskId: string, set: { outcome: string; completedById: string | null; completedAt: Date; assigneeId: string | null }) {
  const n = await tx.$executeRaw`
    UPDATE "Task" SET "status" = 'completed', "outcome" = ${set.outcome}, "completedById" = ${set.completedById}, "completedAt" = ${set.completedAt}, "assigneeId" = ${set.assigneeId}
    WHERE "id" = ${taskId} AND "status" = 'open'`;
  return n === 1;
}
