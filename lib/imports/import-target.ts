import "server-only";
import type { EmployeeActor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import type { DuplicateDecision } from "./import-view";

/** A column the file may map to a target field, recognised by its header in Chinese or English. */
export type ImportField = { key: string; aliases: readonly string[]; required?: boolean };

/** Why a row is refused or skipped: a message key and its parameters (translated in the page and the report). */
export type RowProblem = { key: string; params?: Record<string, string | number>; field?: string };

/** The cells of a row by field key. */
export type RawRow = { rowNumber: number; raw: Record<string, string> };

/**
 * A row as the target read it: its value (null when refused, with the problems) and the
 * keys two rows are the same record by (e.g. the normalised name, the credit code).
 */
export type CheckedRow<V> = RawRow & { value: V | null; problems: RowProblem[]; keys: string[] };

/** An existing record a row duplicates. */
export type ExistingRecord = { id: string; code: string; name: string };

/** What the runner asks the target to do with a valid row. */
export type ValidRow<V> = CheckedRow<V> & { value: V };

/**
 * What the runner asks the target to do with a valid row: create it, or update a record:
 * an existing one (`id`) or the one an earlier row of the file made (`ofRow`, in this
 * batch; when that row made nothing, the row is created instead).
 */
export type WriteOp<V> = { row: ValidRow<V>; action: "create" } | { row: ValidRow<V>; action: "update"; id?: string; ofRow?: number };

export type WriteResult = { rowNumber: number; outcome: "created" | "updated" | "failed"; recordId?: string; problem?: RowProblem };

/**
 * What an import needs from the kind of record it makes (customers now; leads can plug in
 * the same way): the fields and their header aliases, row validation, the batched
 * duplicate lookup, and the batched write (inside the batch's transaction, with its audit).
 */
export type ImportTarget<V> = {
  name: string;
  /** The message area of its own reasons (duplicateExisting, duplicateInFile); crmImport when absent. */
  messages?: string;
  /** The durable job kind that runs this target's imports (registered by the domain module). */
  jobKind: string;
  fields: readonly ImportField[];
  /** The label of a row in lists (the record's name). */
  label: (row: RawRow) => string;
  check: (db: Db | Tx, actor: EmployeeActor, rows: RawRow[]) => Promise<CheckedRow<V>[]>;
  /** Existing records by the rows' keys (a key maps to at most one record). */
  findExisting: (db: Db | Tx, keys: string[]) => Promise<Map<string, ExistingRecord>>;
  write: (tx: Tx, actor: EmployeeActor, ops: WriteOp<V>[], audit: { runId: string }) => Promise<WriteResult[]>;
};

/** What the steps before the run need of a target. */
export type TargetInfo = { name: string; jobKind: string; fields: readonly ImportField[] };


/**
 * Rows that are one record: the same key within the file, and/or an existing record.
 * `id` is the group's first row; without an existing record that row is created and the
 * decision applies to the others.
 */
export type ImportGroup = { id: number; rows: number[]; label: string; existing: ExistingRecord | null; decision: DuplicateDecision };
/** A row of the preview with its problems and its duplicate group. */
export type PreviewRow = { rowNumber: number; raw: Record<string, string>; problems: RowProblem[]; group: number | null };
