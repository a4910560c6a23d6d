import "server-only";
import { randomUUID } from "node:crypto";
import type { EmployeeActor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isAppError } from "../errors/app-error";
import type { ExistingRecord, WriteOp, WriteResult } from "../imports/import-target";
import { customerNameFields } from "../names/customer-name-fields";
import { addressText } from "./customer-address.schema";
import { nextCustomerCodes } from "./customer-codes";
import type { CustomerImportValue } from "./customer-import-check";
import { assertMayEditCustomer } from "./customer-scope";

const PROFILE = ["name", "creditCode", "industry", "region", "level", "contactName", "contactPhone", "address"] as const;

/** Existing customers by the rows' keys ("n:<name key>", "c:<credit code>"), among all customers (a rep must not create another team's again). */
export async function findCustomersByKeys(db: Db | Tx, keys: string[]): Promise<Map<string, ExistingRecord>> {
  const names = [...new Set(keys.filter((k) => k.startsWith("n:")).map((k) => k.slice(2)))];
  const codes = [...new Set(keys.filter((k) => k.startsWith("c:")).map((k) => k.slice(2)))];
  if (!names.length && !codes.length) return new Map();
  const found = await db.customer.findMany({
    where: { OR: [...(names.length ? [{ nameKey: { in: names } }] : []), ...(codes.length ? [{ creditCode: { in: codes } }] : [])] },
    select: { id: true, code: true, name: true, nameKey: true, creditCode: true },
    orderBy: { createdAt: "asc" },
  });
  const out = new Map<string, ExistingRecord>();
  for (const c of found) {
    const rec = { id: c.id, code: c.code, name: c.name };
    if (c.creditCode && !out.has(`c:${c.creditCode}`)) out.set(`c:${c.creditCode}`, rec);
    if (c.nameKey && !out.has(`n:${c.nameKey}`)) out.set(`n:${c.nameKey}`, rec);
  }
  return out;
}

/**
 * New customers and their contacts in one statement each: the rows travel as one JSON
 * parameter (json_to_recordset). Prisma's createMany binds every value of every row
 * and took seconds for a batch of 500 (see bench/crm-import.ts).
 */
async function insertCustomers(tx: Tx, creates: Prisma.CustomerCreateManyInput[], contacts: Prisma.CustomerContactCreateManyInput[]) {
  if (creates.length) {
    await tx.$executeRaw`
      INSERT INTO "Customer" ("id", "code", "name", "nameKey", "nameBrand", "namePinyin", "nameInitials", "creditCode", "industry", "region", "level", "tags", "contactName", "contactPhone", "address", "ownerId", "teamId", "updatedAt")
      SELECT x."id", x."code", x."name", x."nameKey", x."nameBrand", x."namePinyin", x."nameInitials", x."creditCode", x."industry", x."region", x."level",
        ARRAY(SELECT json_array_elements_text(x."tags")), x."contactName", x."contactPhone", x."address", x."ownerId", x."teamId", now()
      FROM json_to_recordset(${JSON.stringify(creates)}::json) AS x("id" text, "code" text, "name" text, "nameKey" text, "nameBrand" text, "namePinyin" text, "nameInitials" text,
        "creditCode" text, "industry" text, "region" text, "level" text, "tags" json, "contactName" text, "contactPhone" text, "address" text, "ownerId" text, "teamId" text)`;
    // The address given becomes the customer's primary address (Customer.address is its text).
    const addresses = creates.filter((c) => c.address).map((c) => ({ id: c.id, address: c.address }));
    if (addresses.length) {
      await tx.$executeRaw`
        INSERT INTO "CustomerAddress" ("id", "customerId", "kind", "street", "isPrimary", "updatedAt")
        SELECT gen_random_uuid()::text, x."id", 'office'::"CustomerAddressKind", x."address", true, now()
        FROM json_to_recordset(${JSON.stringify(addresses)}::json) AS x("id" text, "address" text)`;
    }
  }
  if (contacts.length) {
    await tx.$executeRaw`
      INSERT INTO "CustomerContact" ("id", "customerId", "name", "phone", "email", "primary")
      SELECT gen_random_uuid()::text, x."customerId", x."name", x."phone", x."email", true
      FROM json_to_recordset(${JSON.stringify(contacts)}::json) AS x("customerId" text, "name" text, "phone" text, "email" text)`;
  }
}

/** An imported address as the customer's primary address: the primary one changed to it, or a new one. */
async function primaryAddressFromText(tx: Tx, customerId: string, text: string) {
  const primary = await tx.customerAddress.findFirst({ where: { customerId, isPrimary: true } });
  if (!primary) await tx.customerAddress.create({ data: { customerId, street: text, isPrimary: true } });
  else if (addressText(primary) !== text) await tx.customerAddress.update({ where: { id: primary.id }, data: { street: text, province: null, city: null, postalCode: null, countryCode: "CN" } });
}

/** The non-empty values of a row as changes of a customer's profile (the owner stays). */
function changesOf(v: CustomerImportValue): Prisma.CustomerUpdateInput {
  const data: Record<string, unknown> = {};
  for (const f of PROFILE) if (v[f]) data[f] = v[f];
  if (v.tags.length) data.tags = v.tags;
  return { ...data, ...(v.name ? customerNameFields(v.name) : {}) };
}

/**
 * A batch of imported rows written in the batch's transaction: new customers in one
 * insert (with their first contact), updates one by one where the importer may edit
 * the customer; a credit code another customer holds fails that row only. One audit row
 * per batch lists the codes created and updated.
 */
export async function writeCustomerRows(tx: Tx, actor: EmployeeActor, ops: WriteOp<CustomerImportValue>[], audit: { runId: string }): Promise<WriteResult[]> {
  const results: WriteResult[] = [];
  const codes = ops.map((o) => o.row.value.creditCode).filter((c): c is string => !!c);
  const holders = new Map((await tx.customer.findMany({ where: { creditCode: { in: codes } }, select: { id: true, creditCode: true } })).map((c) => [c.creditCode!, c.id]));
  const creates: Prisma.CustomerCreateManyInput[] = [];
  const pending = new Map<string, Prisma.CustomerCreateManyInput>();
  const byRow = new Map<number, string>();
  const contacts: Prisma.CustomerContactCreateManyInput[] = [];
  const updated: string[] = [];
  const taken = (code: string | null, id?: string) => !!code && holders.has(code) && holders.get(code) !== id;

  for (const op of ops) {
    const { row } = op;
    const v = row.value;
    const target = op.action === "update" ? (op.id ?? (op.ofRow !== undefined ? byRow.get(op.ofRow) : undefined)) : undefined;
    if (!target) {
      if (taken(v.creditCode)) {
        results.push({ rowNumber: row.rowNumber, outcome: "failed", problem: { key: "validation.credit_code_taken", field: "creditCode" } });
        continue;
      }
      const id = randomUUID();
      const data: Prisma.CustomerCreateManyInput = {
        id, code: "", name: v.name, ...customerNameFields(v.name), creditCode: v.creditCode, industry: v.industry, region: v.region, level: v.level, tags: v.tags,
        contactName: v.contactName, contactPhone: v.contactPhone, address: v.address, ownerId: v.ownerId, teamId: v.teamId,
      };
      if (v.creditCode) holders.set(v.creditCode, id);
      creates.push(data);
      pending.set(id, data);
      byRow.set(row.rowNumber, id);
      if (v.contactName || v.email) contacts.push({ customerId: id, name: v.contactName ?? v.email!, phone: v.contactPhone, email: v.email, primary: true });
      results.push({ rowNumber: row.rowNumber, outcome: "created", recordId: id });
      continue;
    }
    if (taken(v.creditCode, target)) {
      results.push({ rowNumber: row.rowNumber, outcome: "failed", problem: { key: "validation.credit_code_taken", field: "creditCode" } });
      continue;
    }
    const made = pending.get(target);
    if (made) {
      // A later row of the file about a customer this batch creates: merged before the insert.
      Object.assign(made, changesOf(v));
      results.push({ rowNumber: row.rowNumber, outcome: "updated", recordId: target });
      continue;
    }
    const current = await tx.customer.findUnique({ where: { id: target }, select: { id: true, code: true, ownerId: true, teamId: true } });
    try {
      if (!current) throw new Error("gone");
      await assertMayEditCustomer(tx, actor, current);
    } catch (e) {
      if (e instanceof Error && e.message !== "gone" && !isAppError(e)) throw e;
      results.push({ rowNumber: row.rowNumber, outcome: "failed", problem: { key: current ? "crmImport.reasons.notYours" : "crmImport.reasons.gone" } });
      continue;
    }
    await tx.customer.update({ where: { id: target }, data: changesOf(v) });
    if (v.address) await primaryAddressFromText(tx, target, v.address);
    if (v.creditCode) holders.set(v.creditCode, target);
    updated.push(current.code);
    results.push({ rowNumber: row.rowNumber, outcome: "updated", recordId: target });
  }
  const newCodes = await nextCustomerCodes(tx, creates.length);
  creates.forEach((c, i) => (c.code = newCodes[i]));
  await insertCustomers(tx, creates, contacts);
  if (creates.length || updated.length) {
    await writeAudit(tx, actor, { action: "customer.import", entity: "ImportRun", entityId: audit.runId, after: { created: creates.map((c) => c.code), updated: [...new Set(updated)] } });
  }
  return results;
}
