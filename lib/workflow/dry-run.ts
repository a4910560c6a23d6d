import "server-only";
import { publishedFormKeys } from "./form-store";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { now } from "./clock";
import { runStep, StepLimitExceeded } from "./engine-host";
import { freshContext, serializeContext } from "./engine-context";
import { type StepOutcome, type Wait } from "./engine-api";
import type { ModdleElement } from "./moddle";
import { isError } from "./lint-types";
import { checkDefinition } from "./publish-definition";
import { resolveTaskAttributes } from "./task-attributes";

type Scalar = string | number | boolean | null;
export type DryRunChoice = "timeout" | Record<string, Scalar>;

type DryRunStep = {
  elementId: string;
  name: string;
  kind: "userTask" | "serviceTask" | "message" | "timer";
  /** For user tasks: who would get it. */
  assignee?: string | null;
  assigneeName?: string | null;
  candidateGroups?: string[];
  candidateSupplier?: string | null;
  supplierName?: string | null;
  dueAt?: string | null;
  formKey?: string | null;
  handler?: string;
  messageName?: string;
  /** What the dry run did to go on: the data it completed the task with, or that a timer fired. */
  action: "completed" | "timeout" | "signalled";
  data?: Record<string, Scalar>;
};

export type DryRunResult = {
  status: "completed" | "stuck" | "error" | "limit" | "invalid";
  steps: DryRunStep[];
  /** Every element the token passed, in order of entry (repeats removed). */
  path: string[];
  variables: Record<string, unknown>;
  /** Technical detail of an error; `errorCode` says what it means (processes.incident.*). */
  error?: string;
  errorCode?: string;
  problems?: { code: string; elementId?: string }[];
};

const MAX_STEPS = 60;
/** The whole dry run's time: a designer's test must not hold the server (each step also has its own limits). */
const MAX_DRY_RUN_MS = 3000;
/** Problems a dry run can live with: it shows what happens, these only say who or what is missing. */
const TOLERATED = new Set(["unknown_form", "unknown_handler", "handler_missing", "task_unassigned", "due_invalid", "unreachable", "no_end", "signal_never_thrown"]);
/** Lets other requests through between steps: a dry run never holds the event loop for long. */
const yieldToOthers = () => new Promise<void>((r) => setImmediate(r));
const DEFAULT_DATA: Record<string, Scalar> = { decision: "approve" };

type Node = ModdleElement & { flowElements?: Node[]; attachedToRef?: Node; eventDefinitions?: Node[] };
const deep = (el: Node): Node[] => (el.flowElements ?? []).flatMap((f) => [f, ...deep(f)]);

/**
 * Runs a diagram in memory with sample data: start variables, and per user
 * task the data to complete it with (or "timeout" to let its boundary timer
 * fire). Nothing is written: no instance, no task, no job, no audit row; the
 * database is only read to say who would receive each task.
 */
export async function dryRunProcess(db: Db, who: EmployeeActor, xml: string, variables: Record<string, Scalar>, choices: Record<string, DryRunChoice>): Promise<DryRunResult> {
  const actor = requirePermission(who, "process.design");
  const checked = await checkDefinition(xml, await publishedFormKeys(db));
  const invalid = (problems = checked.problems): DryRunResult => ({ status: "invalid", steps: [], path: [], variables: {}, problems });
  if (!checked.moddle || !checked.key || checked.problems.some((p) => isError(p) && !TOLERATED.has(p.code))) return invalid();
  let json = checked.context;
  try {
    json ??= serializeContext(checked.moddle);
  } catch {
    return invalid([...checked.problems, { code: "bpmn_unsupported" }]);
  }
  // A context of its own: a designer's drafts never fill the cache of published versions.
  const context = freshContext(json);
  try {
    return await walk(db, actor, checked.moddle, context, variables, choices);
  } catch (e) {
    if (e instanceof StepLimitExceeded) return { status: "error", steps: [], path: [], variables: {}, error: e.detail, errorCode: "step_budget" };
    throw e;
  }
}

async function walk(db: Db, actor: EmployeeActor, moddle: NonNullable<Awaited<ReturnType<typeof checkDefinition>>["moddle"]>, context: unknown, variables: Record<string, Scalar>, choices: Record<string, DryRunChoice>): Promise<DryRunResult> {
  const nodes = (moddle.rootElement.rootElements ?? []).filter((r) => r.$type === "bpmn:Process").flatMap((p) => deep(p as Node));
  const boundaryOf = new Map(nodes.filter((n) => n.attachedToRef?.id).map((n) => [n.id!, n.attachedToRef!.id!]));
  const until = performance.now() + MAX_DRY_RUN_MS;

  const steps: DryRunStep[] = [];
  const path: string[] = [];
  const track = (o: StepOutcome) => {
    for (const e of o.events) if (e.type === "entered" && path[path.length - 1] !== e.elementId) path.push(e.elementId);
  };
  let out = await runStep(context, null, { kind: "start" }, { ...variables, initiator: actor.id, businessKey: "DRY-RUN" });
  if (!out) return { status: "error", steps, path, variables: {} };
  track(out);

  for (let i = 0; i < MAX_STEPS && out.status === "running"; i++) {
    await yieldToOthers();
    if (performance.now() > until) return { status: "limit", steps, path, variables: out.variables };
    const wait: Wait | undefined = out.waits[0];
    let next: StepOutcome | null = null;
    if (wait?.kind === "userTask") {
      let attrs: Awaited<ReturnType<typeof resolveTaskAttributes>>;
      try {
        attrs = await resolveTaskAttributes(db as unknown as Tx, wait, out.variables, now());
      } catch (e) {
        return { status: "error", steps, path, variables: out.variables, error: `${wait.elementId}: ${e instanceof Error ? e.message : String(e)}`, errorCode: "expression_failed" };
      }
      const choice = choices[wait.elementId];
      const timer = choice === "timeout" ? out.timers.find((t) => boundaryOf.get(t.elementId) === wait.elementId) : undefined;
      const [person, supplier] = await Promise.all([
        attrs.assigneeId ? db.employee.findUnique({ where: { id: attrs.assigneeId }, select: { name: true } }) : null,
        attrs.candidateSupplierId && /^[0-9a-f-]{36}$/i.test(attrs.candidateSupplierId) ? db.supplier.findUnique({ where: { id: attrs.candidateSupplierId }, select: { name: true } }) : null,
      ]);
      const base = {
        elementId: wait.elementId,
        name: attrs.title,
        kind: "userTask" as const,
        assignee: attrs.assigneeId,
        assigneeName: person?.name ?? null,
        candidateGroups: attrs.candidateGroups,
        candidateSupplier: attrs.candidateSupplierId,
        supplierName: supplier?.name ?? null,
        dueAt: attrs.dueAt?.toISOString() ?? null,
        formKey: attrs.formKey,
      };
      if (timer) {
        steps.push({ ...base, action: "timeout" });
        next = await runStep(context, out.state, { kind: "fireTimer", elementId: timer.elementId, executionId: timer.executionId });
      } else {
        const data = choice && choice !== "timeout" ? { ...DEFAULT_DATA, ...choice } : DEFAULT_DATA;
        steps.push({ ...base, action: "completed", data });
        next = await runStep(context, out.state, { kind: "signal", executionId: wait.executionId, output: data, variables: data });
      }
    } else if (wait) {
      steps.push({ elementId: wait.elementId, name: wait.name, kind: wait.kind, handler: wait.kind === "serviceTask" ? String(wait.attrs.handler ?? "") : undefined, messageName: wait.messageName, action: "signalled" });
      next = await runStep(context, out.state, { kind: "signal", executionId: wait.executionId });
    } else if (out.timers.length) {
      const t = out.timers[0];
      steps.push({ elementId: t.elementId, name: t.elementId, kind: "timer", action: "timeout" });
      next = await runStep(context, out.state, { kind: "fireTimer", elementId: t.elementId, executionId: t.executionId });
    } else {
      return { status: "stuck", steps, path, variables: out.variables };
    }
    if (!next) return { status: "stuck", steps, path, variables: out.variables };
    out = next;
    track(out);
  }
  const status = out.status === "completed" ? "completed" : out.status === "error" ? "error" : "limit";
  return { status, steps, path, variables: out.variables, error: out.error, errorCode: out.errorCode };
}
