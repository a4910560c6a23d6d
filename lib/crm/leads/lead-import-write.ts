import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import type { ExistingRecord, WriteOp, WriteResult } from "../../imports/import-target";
import { customerNameFields } from "../../names/customer-name-fields";
import { createLeads } from "./create-leads";
import type { LeadImportValue } from "./lead-import-check";
import { mayWorkLead } from "./lead-scope";

/**
 * Existing leads and customers by the rows' keys ("n:<name key>", "p:<phone digits>"):
 * a lead first (the same company asked before), else a customer of that name; among all
 * of them, whoever owns them (importing a company again as a lead helps nobody).
 */
export async function findLeadsByKeys(db: Db | Tx, keys: string[]): Promise<Map<string, ExistingRecord>> {
  const names = [...new Set(keys.filter((k) => k.startsWith("n:")).map((k) => k.slice(2)))];
  const phones = [...new Set(keys.filter((k) => k.startsWith("p:")).map((k) => k.slice(2)))];
  const out = new Map<string, ExistingRecord>();
  if (!names.length && !phones.length) return out;
  const leads = await db.lead.findMany({ where: { nameKey: { in: names.length ? names : ["-"] } }, select: { id: true, code: true, companyName: true, nameKey: true }, orderBy: { createdAt: "asc" } });
  for (const l of leads) if (!out.has(`n:${l.nameKey}`)) out.set(`n:${l.nameKey}`, { id: l.id, code: l.code, name: l.companyName });
  if (phones.length) {
    const byPhone = await db.$queryRaw<{ id: string; code: string; companyName: string; digits: string }[]>`
      SELECT id, code, "companyName", regexp_replace(phone, '[^0-9]', '', 'g') AS digits FROM "Lead"
      WHERE phone IS NOT NULL AND regexp_replace(phone, '[^0-9]', '', 'g') = ANY(${phones}::text[]) ORDER BY "createdAt" ASC`;
    for (const l of byPhone) if (!out.has(`p:${l.digits}`)) out.set(`p:${l.digits}`, { id: l.id, code: l.code, name: l.companyName });
  }
  const missing = names.filter((n) => !out.has(`n:${n}`));
  if (missing.length) {
    const customers = await db.customer.findMany({ where: { nameKey: { in: missing }, mergedIntoId: null }, select: { id: true, code: true, name: true, nameKey: true }, orderBy: { createdAt: "asc" } });
    for (const c of customers) if (!out.has(`n:${c.nameKey}`)) out.set(`n:${c.nameKey}`, { id: c.id, code: c.code, name: c.name });
  }
  return out;
}

const FIELDS = ["companyName", "contactName", "phone", "email", "region", "industry", "channel", "campaignCode", "remark"] as const;

/**
 * A batch of imported rows in the batch's transaction: new leads through createLeads (the
 * source classified and the owner chosen by the rules, row by row, each with its audit
 * row); an update fills in an open lead the importer may work with the row's values; a
 * row matching a customer (not a lead) is not a lead to update. One audit row per batch.
 */
export async function writeLeadRows(tx: Tx, actor: EmployeeActor, ops: WriteOp<LeadImportValue>[], audit: { runId: string }): Promise<WriteResult[]> {
  const results: WriteResult[] = [];
  const creates: WriteOp<LeadImportValue>[] = [];
  const madeByRow = new Map<number, string>();
  const updated: string[] = [];
  // New leads first: a later row of the file about the same company (ofRow) updates the one its first row made.
  for (const op of ops) if (op.action === "create") creates.push(op);
  const made = creates.length ? await createLeads(tx, actor, creates.map((o) => o.row.value)) : [];
  creates.forEach((op, i) => {
    madeByRow.set(op.row.rowNumber, made[i].id);
    results.push({ rowNumber: op.row.rowNumber, outcome: "created", recordId: made[i].id });
  });
  for (const op of ops) {
    if (op.action === "create") continue;
    const target = op.id ?? (op.ofRow !== undefined ? madeByRow.get(op.ofRow) : undefined);
    const lead = target ? await tx.lead.findUnique({ where: { id: target }, select: { id: true, code: true, status: true, ownerId: true, teamId: true } }) : null;
    if (!lead) {
      results.push({ rowNumber: op.row.rowNumber, outcome: "failed", problem: { key: target ? "leadImport.reasons.isCustomer" : "leadImport.reasons.gone" } });
      continue;
    }
    if (lead.status === "converted" || lead.status === "disqualified" || !(await mayWorkLead(tx, actor, lead))) {
      results.push({ rowNumber: op.row.rowNumber, outcome: "failed", problem: { key: lead.status === "converted" || lead.status === "disqualified" ? "leadImport.reasons.closed" : "leadImport.reasons.notYours" } });
      continue;
    }
    const data: Record<string, unknown> = {};
    for (const f of FIELDS) if (op.row.value[f]) data[f] = op.row.value[f];
    await tx.lead.update({ where: { id: lead.id }, data: { ...data, ...(data.companyName ? customerNameFields(op.row.value.companyName) : {}) } });
    updated.push(lead.code);
    results.push({ rowNumber: op.row.rowNumber, outcome: "updated", recordId: lead.id });
  }
  if (made.length || updated.length) await writeAudit(tx, actor, { action: "lead.import", entity: "ImportRun", entityId: audit.runId, after: { created: made.map((l) => l.code), updated: [...new Set(updated)] } });
  return results.sort((a, b) => a.rowNumber - b.rowNumber);
}
