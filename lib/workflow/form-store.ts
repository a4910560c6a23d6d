import "server-only";
import { createHash } from "node:crypto";
import type { EmployeeActor, SystemActor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { compileFormJs, type FormJsSchema } from "./form-js";
import type { FormDefinition } from "./forms";

export type PublishedForm = { key: string; version: number; titleZh: string; titleEn: string; schema: FormJsSchema; definition: FormDefinition; publishedAt: Date };

export const FORM_KEY = /^[a-z][a-z0-9_]{1,63}$/;

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

// Published versions never change, so one compiled copy per key@version serves every request.
// Keyed by the database too: tests (and benches) open several in one process.
const cache = new WeakMap<object, Map<string, PublishedForm>>();
function cacheOf(db: Db | Tx) {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  return m;
}

type Row = { key: string; version: number; titleZh: string; titleEn: string; schema: unknown; publishedAt: Date };
function toPublished(row: Row): PublishedForm {
  return { key: row.key, version: row.version, titleZh: row.titleZh, titleEn: row.titleEn, schema: row.schema as FormJsSchema, definition: compileFormJs(row.key, row.titleZh, row.titleEn, row.schema), publishedAt: row.publishedAt };
}

/** One published version of a form (the latest when `version` is not given), compiled; null when there is none. */
export async function publishedForm(db: Db | Tx, key: string, version?: number): Promise<PublishedForm | null> {
  if (!key) return null;
  const hit = version !== undefined ? cacheOf(db).get(`${key}@${version}`) : undefined;
  if (hit) return hit;
  const row = await db.formVersion.findFirst({ where: { key, ...(version !== undefined ? { version } : {}) }, orderBy: { version: "desc" } });
  if (!row) return null;
  const form = toPublished(row);
  cacheOf(db).set(`${key}@${row.version}`, form);
  return form;
}

/** The latest published version of each form key (what a process pins when it is published). */
export async function latestFormVersions(db: Db | Tx, keys?: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.formVersion.groupBy({ by: ["key"], _max: { version: true }, ...(keys ? { where: { key: { in: [...keys] } } } : {}) });
  return new Map(rows.map((r) => [r.key, r._max.version ?? 1]));
}

/** The keys of every published form (what a diagram may name). */
export async function publishedFormKeys(db: Db | Tx): Promise<ReadonlySet<string>> {
  return new Set((await latestFormVersions(db)).keys());
}

/** Every form's latest published version, for pickers and the form list. */
export async function listPublishedForms(db: Db) {
  const latest = await latestFormVersions(db);
  const rows = await db.formVersion.findMany({
    where: { OR: [...latest].map(([key, version]) => ({ key, version })) },
    select: { key: true, version: true, titleZh: true, titleEn: true, publishedAt: true, source: true },
    orderBy: { key: "asc" },
  });
  return latest.size ? rows : [];
}

/** The published versions of one form, newest first. */
export async function formVersions(db: Db, key: string) {
  return db.formVersion.findMany({ where: { key }, orderBy: { version: "desc" }, select: { version: true, publishedAt: true, publishedBy: true, source: true } });
}

/**
 * Publishes the next immutable version of a form in the caller's transaction, with its
 * audit row; the schema must compile (every field checkable on the server). An
 * unchanged schema and titles are not republished.
 */
export async function publishFormVersion(tx: Tx, actor: EmployeeActor | SystemActor, input: { key: string; titleZh: string; titleEn: string; schema: unknown; source: "editor" | "shipped" | "import" }) {
  if (!FORM_KEY.test(input.key)) throw new AppError("validation", { fieldErrors: { key: "validation.form_key" } });
  const titleZh = input.titleZh.trim();
  const titleEn = input.titleEn.trim() || titleZh;
  if (!titleZh || titleZh.length > 100 || titleEn.length > 100) throw new AppError("validation", { fieldErrors: { titleZh: "validation.required" } });
  compileFormJs(input.key, titleZh, titleEn, input.schema);
  // Keys sorted: jsonb does not keep key order, so a version read back and sent again hashes the same.
  const body = stableJson({ titleZh, titleEn, schema: input.schema });
  const sha256 = createHash("sha256").update(body).digest("hex");
  const latest = await tx.formVersion.findFirst({ where: { key: input.key }, orderBy: { version: "desc" } });
  if (latest?.sha256 === sha256) return { version: latest.version, created: false };
  // A shipped file published before stays superseded by later designer versions.
  if (input.source === "shipped" && (await tx.formVersion.findFirst({ where: { key: input.key, source: "shipped", sha256 } }))) return { version: latest!.version, created: false };
  const version = (latest?.version ?? 0) + 1;
  const actorId = actor.realm === "system" ? null : actor.id;
  await tx.formVersion.create({ data: { key: input.key, version, titleZh, titleEn, schema: input.schema as object, sha256, source: input.source, publishedBy: actorId } });
  await writeAudit(tx, actor, { action: "form.publish", entity: "FormVersion", entityId: `${input.key}@${version}`, after: { key: input.key, version, source: input.source } });
  return { version, created: true };
}

// Published definitions never change: their pinned form versions are read once per database.
const pinsCache = new WeakMap<object, Map<string, Record<string, number>>>();

/** The form versions a published definition pinned (form key -> version). */
async function definitionFormVersions(db: Db | Tx, definitionId: string): Promise<Record<string, number>> {
  let m = pinsCache.get(db);
  if (!m) pinsCache.set(db, (m = new Map()));
  const hit = m.get(definitionId);
  if (hit) return hit;
  const row = await db.processDefinition.findUnique({ where: { id: definitionId }, select: { formVersions: true } });
  const pins = (row?.formVersions ?? {}) as Record<string, number>;
  m.set(definitionId, pins);
  return pins;
}

/**
 * The form a step of a definition shows: the version the definition pinned, or (a
 * definition published before forms were versioned) the latest one.
 */
export async function formOfDefinition(db: Db | Tx, definitionId: string, key: string | null | undefined): Promise<FormDefinition | null> {
  if (!key) return null;
  const pinned = (await definitionFormVersions(db, definitionId))[key];
  return (await publishedForm(db, key, typeof pinned === "number" ? pinned : undefined))?.definition ?? null;
}
