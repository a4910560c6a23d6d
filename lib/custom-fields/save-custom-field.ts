import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { customFieldActive, customFieldInput, customFieldMove, customFieldUpdate } from "./custom-fields.schema";
import { toFieldDef } from "./list-custom-fields";

// Field definitions are administration: the permission that guards the organisation's
// set-up guards them too. Each change writes its audit row in the same transaction.
const ADMIN = "org.manage" as const;
const ENTITY = "CustomField";

/** Options belong to select fields only; English labels left empty fall back to Chinese. */
const optionsFor = (type: string, options: { value: string; labelZh: string; labelEn?: string }[]) =>
  type === "select" ? options.map((o) => ({ value: o.value, labelZh: o.labelZh, labelEn: o.labelEn || o.labelZh })) : [];

function requireOptions(type: string, options: unknown[]) {
  if (type === "select" && options.length === 0) throw new AppError("validation", { fieldErrors: { options: "validation.options_required" } });
}

/** A new field at the end of its record type's list. The key is unique per record type. */
export async function createCustomField(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, ADMIN);
  const input = parseInput(customFieldInput, raw);
  requireOptions(input.type, input.options);
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.customField.aggregate({ where: { entity: input.entity }, _max: { position: true } });
      const created = await tx.customField.create({
        data: { ...input, options: optionsFor(input.type, input.options), position: (last._max.position ?? -1) + 1 },
      });
      await writeAudit(tx, actor, { action: "custom_field.create", entity: ENTITY, entityId: created.id, after: created });
      return toFieldDef(created);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("custom_field_key_taken", { fieldErrors: { key: "errors.custom_field_key_taken" } });
    throw e;
  }
}

/** Labels, required, shown in list and options change; key and type stay (flows and stored values rely on them). */
export async function updateCustomField(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, ADMIN);
  const { id, ...input } = parseInput(customFieldUpdate, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.customField.findUnique({ where: { id } });
    if (!before) throw new AppError("custom_field_unknown");
    requireOptions(before.type, input.options);
    const after = await tx.customField.update({ where: { id }, data: { ...input, options: optionsFor(before.type, input.options) } });
    await writeAudit(tx, actor, { action: "custom_field.update", entity: ENTITY, entityId: id, before, after });
    return toFieldDef(after);
  });
}

/** Switches a field off (or on again). Nothing is deleted: its values stay on the records, readable. */
export async function setCustomFieldActive(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, ADMIN);
  const { id, active } = parseInput(customFieldActive, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.customField.findUnique({ where: { id } });
    if (!before) throw new AppError("custom_field_unknown");
    if (before.active === active) return toFieldDef(before);
    const after = await tx.customField.update({ where: { id }, data: { active } });
    await writeAudit(tx, actor, { action: active ? "custom_field.activate" : "custom_field.deactivate", entity: ENTITY, entityId: id, before: { key: before.key, active: before.active }, after: { key: after.key, active } });
    return toFieldDef(after);
  });
}

/** Moves a field one place up or down among its record type's fields (forms and lists follow this order). */
export async function moveCustomField(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, ADMIN);
  const { id, direction } = parseInput(customFieldMove, raw);
  return db.$transaction(async (tx) => {
    const field = await tx.customField.findUnique({ where: { id } });
    if (!field) throw new AppError("custom_field_unknown");
    // Positions are renumbered 0..n-1 on every move, so equal or missing numbers heal themselves.
    const all = await tx.customField.findMany({ where: { entity: field.entity }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, key: true } });
    const from = all.findIndex((f) => f.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= all.length) return;
    [all[from], all[to]] = [all[to], all[from]];
    for (const [position, f] of all.entries()) await tx.customField.update({ where: { id: f.id }, data: { position } });
    await writeAudit(tx, actor, { action: "custom_field.move", entity: ENTITY, entityId: id, before: { position: from }, after: { position: to, order: all.map((f) => f.key) } });
  });
}
