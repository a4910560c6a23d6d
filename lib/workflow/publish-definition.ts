import "server-only";
import { createHash } from "node:crypto";
import type { EmployeeActor, SystemActor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { processFormKeys } from "./business-data";
import { serializeContext } from "./engine-context";
import { latestFormVersions, publishedFormKeys } from "./form-store";
import { lintDefinition, type LintProblem } from "./lint";
import { isError } from "./lint-types";
import { DIAGRAM_LIMITS, maxFlowNodes } from "./limits";
import { parseBpmn, type ModdleElement } from "./moddle";

type CheckResult = { key: string | null; name: string | null; problems: LintProblem[] };

/** A parsed diagram with the runtime's verdict; `context` (what the engine runs) only when it has no errors. */
export type CheckedDefinition = CheckResult & { moddle?: Awaited<ReturnType<typeof parseBpmn>>; context?: unknown };

/** Steps that name a form no published version has (forms are data: their keys come from the database). */
function unknownForms(moddle: Awaited<ReturnType<typeof parseBpmn>>, knownForms: ReadonlySet<string>): LintProblem[] {
  const byId = (moddle as unknown as { elementsById?: Record<string, ModdleElement & { formKey?: unknown }> }).elementsById ?? {};
  return Object.values(byId)
    .filter((el) => (el.$type === "bpmn:UserTask" || el.$type === "bpmn:StartEvent") && typeof el.formKey === "string" && el.formKey && !knownForms.has(el.formKey))
    .map((el) => ({ code: "unknown_form", elementId: el.id, params: { form: String(el.formKey) } }));
}

/**
 * Parses and lints a diagram once, without storing anything; malformed XML is a problem,
 * not a crash. With `knownForms` (publishedFormKeys), a step naming another form is a problem too.
 */
export async function checkDefinition(xml: string, knownForms?: ReadonlySet<string>): Promise<CheckedDefinition> {
  // Counted before parsing: a diagram far past the limit is refused without the cost of reading it.
  const tags = xml.match(/<[A-Za-z]/g)?.length ?? 0;
  if (tags > DIAGRAM_LIMITS.xmlTags) return { key: null, name: null, problems: [{ code: "too_many_elements", params: { count: `>${maxFlowNodes()}`, limit: String(maxFlowNodes()) } }] };
  let moddle;
  try {
    moddle = await parseBpmn(xml);
  } catch (e) {
    return { key: null, name: null, problems: [{ code: "bpmn_malformed", params: { message: String((e as Error).message).slice(0, 200) } }] };
  }
  const proc = (moddle.rootElement?.rootElements ?? []).find((r: ModdleElement & { isExecutable?: boolean }) => r.$type === "bpmn:Process" && r.isExecutable);
  const problems = lintDefinition(moddle);
  if (knownForms) problems.push(...unknownForms(moddle, knownForms));
  const errors = problems.filter(isError);
  // Serialised before anything else (bpmnlint) walks the parsed tree. A construct the
  // publish rules do not know yet and the engine cannot take is a problem, not a crash.
  let context: unknown;
  if (errors.length === 0 && proc?.id) {
    try {
      context = serializeContext(moddle);
    } catch (e) {
      problems.push({ code: "bpmn_unsupported", params: { message: String((e as Error).message).slice(0, 200) } });
    }
  }
  return { key: proc?.id ?? null, name: proc?.name ?? proc?.id ?? null, problems, moddle, context };
}

/** The latest published version of every form the diagram names, in key order; a form with no version refuses the publish. */
async function pinForms(tx: Tx, context: unknown): Promise<Record<string, number>> {
  const keys = processFormKeys(context).sort();
  if (keys.length === 0) return {};
  const latest = await latestFormVersions(tx, keys);
  const missing = keys.filter((k) => !latest.has(k));
  if (missing.length) {
    const details = missing.map((form) => ({ code: "unknown_form", severity: "error", params: { form } }));
    throw new AppError("bpmn_invalid", { details, params: { count: missing.length } });
  }
  return Object.fromEntries(keys.map((k) => [k, latest.get(k)!]));
}

/**
 * Writes the next immutable version of a checked diagram (no problems) in the
 * caller's transaction, with its audit row; an unchanged diagram is not
 * republished. Who may publish is the caller's to decide, once.
 */
export async function writeDefinition(tx: Tx, actor: EmployeeActor | SystemActor, xml: string, checked: CheckedDefinition, source: "editor" | "shipped") {
  const errors = checked.problems.filter(isError);
  if (!checked.key || errors.length || checked.context === undefined) {
    throw new AppError("bpmn_invalid", { details: checked.problems, params: { count: errors.length } });
  }
  const key = checked.key;
  const formVersions = await pinForms(tx, checked.context);
  // Compared with sorted keys: the database hands JSON objects back with their keys reordered.
  const sorted = (pins: unknown) => JSON.stringify(Object.entries((pins ?? {}) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const pins = sorted(formVersions);
  const samePins = (d: { formVersions: unknown }) => sorted(d.formVersions) === pins;
  const sha256 = createHash("sha256").update(xml).digest("hex");
  const latest = await tx.processDefinition.findFirst({ where: { key, status: "published" }, orderBy: { version: "desc" } });
  // The same diagram with newer forms is a new version: running instances keep the forms they started with.
  if (latest?.sha256 === sha256 && samePins(latest)) return { definition: latest, created: false };
  // A shipped file that was published before stays superseded by later editor versions.
  const shippedBefore = source === "shipped" ? (await tx.processDefinition.findMany({ where: { key, source, sha256 }, orderBy: { version: "desc" } })).find(samePins) : null;
  if (shippedBefore) return { definition: shippedBefore, created: false };
  const definition = await tx.processDefinition.create({
    data: {
      key,
      version: (latest?.version ?? 0) + 1,
      name: checked.name ?? key,
      xml,
      context: checked.context as object,
      formVersions,
      sha256,
      status: "published",
      source,
      publishedAt: new Date(),
      publishedBy: actor.id,
    },
  });
  await writeAudit(tx, actor, { action: "process.publish", entity: "ProcessDefinition", entityId: definition.id, after: { key, version: definition.version, source, sha256 } });
  return { definition, created: true };
}

/**
 * Checks and publishes a diagram as the next version (shipped processes, rollbacks,
 * tests). Refused with the lint problems when it is not safe to run. With `tx` the
 * version and its audit row are written in the caller's transaction.
 */
export async function publishDefinition(db: Db, actor: EmployeeActor | SystemActor, xml: string, source: "editor" | "shipped" = "editor", tx?: Tx) {
  const checked = await checkDefinition(xml, await publishedFormKeys(tx ?? db));
  return tx ? writeDefinition(tx, actor, xml, checked, source) : db.$transaction((t) => writeDefinition(t, actor, xml, checked, source));
}
