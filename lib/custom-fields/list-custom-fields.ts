import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import type { CustomField } from "../db/generated/client";
import { CUSTOM_FIELD_TYPES, type CustomFieldDef, type CustomFieldEntity, type CustomFieldOption, type CustomFieldType } from "./custom-fields.schema";

/** Options as stored (JSON), read defensively: an entry that is not an option is left out. */
function readOptions(json: unknown): CustomFieldOption[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((o) => {
    if (!o || typeof o !== "object") return [];
    const { value, labelZh, labelEn } = o as Record<string, unknown>;
    if (typeof value !== "string" || !value) return [];
    return [{ value, labelZh: typeof labelZh === "string" && labelZh ? labelZh : value, labelEn: typeof labelEn === "string" ? labelEn : "" }];
  });
}

export function toFieldDef(f: CustomField): CustomFieldDef {
  const type = (CUSTOM_FIELD_TYPES as readonly string[]).includes(f.type) ? (f.type as CustomFieldType) : "text";
  return {
    id: f.id,
    entity: f.entity,
    key: f.key,
    type,
    labelZh: f.labelZh,
    labelEn: f.labelEn,
    required: f.required,
    options: type === "select" ? readOptions(f.options) : [],
    inList: f.inList,
    position: f.position,
    active: f.active,
  };
}

/**
 * A record type's fields in their order, switched-off ones included (their
 * values stay readable). Definitions, not data: the use-cases that show or
 * change records check their own permission.
 */
export async function loadCustomFields(db: Db | Tx, entity: CustomFieldEntity): Promise<CustomFieldDef[]> {
  const rows = await db.customField.findMany({ where: { entity }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.map(toFieldDef);
}

/** The fields a record's list shows as columns, searches and filters by: active and marked "shown in list". */
export const listedFields = (fields: CustomFieldDef[]) => fields.filter((f) => f.active && f.inList);

/** The administration screen's list of one record type's fields. */
export async function listCustomFields(db: Db, who: Actor, entity: CustomFieldEntity): Promise<CustomFieldDef[]> {
  requirePermission(who, "org.manage");
  return loadCustomFields(db, entity);
}
