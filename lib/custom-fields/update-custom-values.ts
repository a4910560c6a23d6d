import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { customValuesUpdate, type CustomFieldEntity } from "./custom-fields.schema";
import { changedKeys, readCustomValues, validateCustomValues } from "./custom-values";
import { loadCustomFields } from "./list-custom-fields";
import { CUSTOM_RECORDS, lockRecord } from "./records";

/**
 * Changes one record's custom values (the active fields'; those of switched-off
 * fields are kept as they are). For whoever may change that kind of record;
 * audited with the changed keys only, in the transaction that writes them.
 */
export async function updateCustomValues(db: Db, who: Actor, entity: CustomFieldEntity, raw: unknown) {
  const kind = CUSTOM_RECORDS[entity];
  const actor = requirePermission(who, kind.manage);
  // A malformed id is a record that does not exist.
  const { id, custom } = (() => {
    try {
      return parseInput(customValuesUpdate, raw);
    } catch {
      throw new AppError("not_found");
    }
  })();
  const fields = await loadCustomFields(db, entity);
  return db.$transaction(async (tx) => {
    await lockRecord(tx, entity, id);
    const record = await kind.read(tx, id);
    if (!record) throw new AppError("not_found");
    const before = readCustomValues(record.custom);
    const after = validateCustomValues(fields, custom, before);
    const changed = changedKeys(before, after);
    if (!changed.length) return after;
    await kind.write(tx, id, after);
    await writeAudit(tx, actor, {
      action: kind.action,
      entity: kind.auditEntity,
      entityId: id,
      before: { custom: Object.fromEntries(changed.filter((k) => Object.hasOwn(before, k)).map((k) => [k, before[k]])) },
      after: { custom: Object.fromEntries(changed.filter((k) => Object.hasOwn(after, k)).map((k) => [k, after[k]])) },
    });
    return after;
  });
}
