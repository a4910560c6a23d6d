import { z } from "zod";
import { parseInput } from "../errors/parse-input";
import { calendarDay } from "../errors/calendar";

/** A BPMN file as text; 2 MB is far above any hand-made diagram. */
const bpmnXml = z.string().min(1, "validation.too_small").max(2_000_000, "validation.too_big");
const processKey = z.string().trim().min(1).max(100).regex(/^[A-Za-z_][\w.-]*$/, "validation.invalid_format");

export const checkDiagramInput = z.object({ xml: bpmnXml });
/** `editingKey`: the process the editor was opened for (null for a new one). */
/** The editor's diagram and the key it was opened for (null: a new process), to save as a draft or publish. */
export const diagramInput = z.object({ xml: bpmnXml, editingKey: processKey.nullable() });
export const discardDraftInput = z.object({ key: processKey });
export const rollbackInput = z.object({ key: processKey, version: z.number().int().min(1) });
export const migrateInput = z.object({ key: processKey, fromVersion: z.number().int().min(1), toVersion: z.number().int().min(1) });

const scalar = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
export const dryRunInput = z.object({
  xml: bpmnXml,
  /** Start data as the start form would send it. */
  variables: z.record(z.string().max(100), scalar).default({}),
  /** Per user-task element id: the form data to complete it with, or "timeout" to let its boundary timer fire. */
  choices: z.record(z.string().max(200), z.union([z.literal("timeout"), z.record(z.string().max(100), scalar)])).default({}),
});

export const cancelInstanceInput = z.object({ id: z.string().uuid(), reason: z.string().trim().min(1, "validation.too_small").max(500) });
export const retryJobInput = z.object({ jobId: z.string().uuid() });
export const moveTokenInput = z.object({
  instanceId: z.string().uuid(),
  taskId: z.string().uuid(),
  targetId: z.string().trim().min(1, "validation.too_small").max(200),
  reason: z.string().trim().min(1, "validation.too_small").max(500),
  version: z.number().int().min(0),
});

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const day = calendarDay().nullable().catch(null);

// Every field falls back to its default: a hand-edited URL never fails the page.
const instanceQuery = z.object({
  key: z.string().trim().max(100).catch(""),
  businessKey: z.string().trim().max(100).catch(""),
  status: z.enum(["all", "running", "incident", "completed", "cancelled"]).catch("all"),
  starter: z.string().trim().max(60).catch(""),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type InstanceQuery = z.infer<typeof instanceQuery>;

export function parseInstanceQuery(params: SearchParams): InstanceQuery {
  return parseInput(instanceQuery, {
    key: one(params.key) ?? "",
    businessKey: one(params.bk) ?? "",
    status: one(params.status),
    starter: one(params.starter) ?? "",
    from: one(params.from) ?? null,
    to: one(params.to) ?? null,
    page: one(params.page),
  });
}
