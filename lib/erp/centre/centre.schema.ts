import { z } from "zod";
import { parseInput } from "../../errors/parse-input";
import { calendarDay } from "../../errors/calendar";

// The integration centre's list states, read from URL search params. Every field
// falls back to its default: a hand-edited URL never fails the page.

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const day = calendarDay().nullable().catch(null);
const page = z.coerce.number().int().min(1).max(100_000).catch(1);

export const LOG_DIRECTIONS = ["read", "write", "event"] as const;
export const LOG_STATUSES = ["ok", "failed"] as const;

const logQuery = z.object({
  direction: z.enum(["all", ...LOG_DIRECTIONS]).catch("all"),
  status: z.enum(["all", ...LOG_STATUSES]).catch("all"),
  operation: z.string().trim().max(100).catch(""),
  from: day,
  to: day,
  page,
});
export type SyncLogQuery = z.infer<typeof logQuery>;

/** dir, status, op, from, to, page */
export function parseSyncLogQuery(params: SearchParams): SyncLogQuery {
  return parseInput(logQuery, {
    direction: one(params.dir),
    status: one(params.status),
    operation: one(params.op) ?? "",
    from: one(params.from) ?? null,
    to: one(params.to) ?? null,
    page: one(params.page),
  });
}

const failedQuery = z.object({
  state: z.enum(["all", "failed", "retrying"]).catch("all"),
  page,
});
export type FailedWritesQuery = z.infer<typeof failedQuery>;

export function parseFailedWritesQuery(params: SearchParams): FailedWritesQuery {
  return parseInput(failedQuery, { state: one(params.state), page: one(params.page) });
}

export const MASTER_KINDS = ["paymentTerm", "tax", "currency", "unit", "warehouse", "location"] as const;
export type MasterKind = (typeof MASTER_KINDS)[number];
/** Bins (库位号) are the app's own master data (put-away, receiving flow): listed, never mapped to the ERP. */
export const MASTER_TABS = [...MASTER_KINDS, "bin", "product"] as const;

const masterQuery = z.object({
  tab: z.enum(MASTER_TABS).catch("paymentTerm"),
  q: z.string().trim().max(100).catch(""),
  page,
});
export type MasterDataQuery = z.infer<typeof masterQuery>;

/** tab, q, page */
export function parseMasterDataQuery(params: SearchParams): MasterDataQuery {
  return parseInput(masterQuery, { tab: one(params.tab), q: one(params.q) ?? "", page: one(params.page) });
}

const mappingQuery = z.object({ entity: z.enum(["all", ...MASTER_KINDS]).catch("all") });
export type MappingQuery = z.infer<typeof mappingQuery>;

export function parseMappingQuery(params: SearchParams): MappingQuery {
  return parseInput(mappingQuery, { entity: one(params.entity) });
}

/** Days are the users' days (the workbench runs on Asia/Shanghai time). */
export const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** The retry button of a failed ERP write. */
export const retryWriteInput = z.object({ jobId: z.string().uuid() });
export const deleteMappingInput = z.object({ id: z.string().uuid() });
