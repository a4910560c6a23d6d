import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { parseInput } from "../errors/parse-input";

export const masterDataInput = z.object({
  kind: z.enum(["paymentTerm", "tax", "currency", "unit", "warehouse", "location", "bin"]),
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_.-]+$/, "validation.code_format"),
  name: z.string().trim().min(1).max(200),
  attrs: z.record(z.string(), z.unknown()).default({}),
  active: z.boolean().default(true),
});

export const productInput = z.object({
  code: z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9_.-]+$/, "validation.code_format"),
  name: z.string().trim().min(1).max(200),
  unitCode: z.string().trim().max(20).nullish().transform((v) => v || null),
  params: z.record(z.string(), z.unknown()).default({}),
  active: z.boolean().default(true),
});

const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;

/** Built-in connector: code lists are maintained in the app. Creates or changes one entry by (kind, code). */
export async function saveMasterData(db: Db, who: Actor, raw: z.input<typeof masterDataInput>) {
  const actor = requirePermission(who, "integration.manage");
  const input = parseInput(masterDataInput, raw);
  return db.$transaction(async (tx) => {
    const key = { kind_code: { kind: input.kind, code: input.code } };
    const before = await tx.masterData.findUnique({ where: key });
    const data = { name: input.name, attrs: asJson(input.attrs), active: input.active };
    const row = await tx.masterData.upsert({ where: key, create: { kind: input.kind, code: input.code, ...data }, update: data });
    await writeAudit(tx, actor, { action: before ? "master_data.update" : "master_data.create", entity: "MasterData", entityId: row.id, before, after: row });
    return row;
  });
}

/** Built-in connector: products (with their technical parameters) are maintained in the app. */
export async function saveProduct(db: Db, who: Actor, raw: z.input<typeof productInput>) {
  const actor = requirePermission(who, "integration.manage");
  const input = parseInput(productInput, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.product.findUnique({ where: { code: input.code } });
    const data = { name: input.name, unitCode: input.unitCode, params: asJson(input.params), active: input.active };
    const row = await tx.product.upsert({ where: { code: input.code }, create: { code: input.code, ...data }, update: data });
    await writeAudit(tx, actor, { action: before ? "product.update" : "product.create", entity: "Product", entityId: row.id, before, after: row });
    return row;
  });
}
