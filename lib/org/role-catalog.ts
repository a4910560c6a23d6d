import "server-only";
import { SYSTEM } from "../auth/actor";
import { ROLE_KEYS } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";

/** Roles are defined in code next to the permission table; the table rows follow them. */
const ROLE_NAMES: Record<(typeof ROLE_KEYS)[number], { zh: string; en: string }> = {
  admin: { zh: "系统管理员", en: "Administrator" },
  dept_admin: { zh: "部门管理员", en: "Department administrator" },
  manager: { zh: "经理", en: "Manager" },
  process_owner: { zh: "流程负责人", en: "Process owner" },
  buyer: { zh: "采购员", en: "Buyer" },
  buyer_lead: { zh: "采购主管", en: "Purchasing lead" },
  quality: { zh: "质检员", en: "Quality inspector" },
  warehouse: { zh: "仓管员", en: "Warehouse keeper" },
  sales: { zh: "销售代表", en: "Sales representative" },
  sales_lead: { zh: "销售主管", en: "Sales lead" },
  engineer: { zh: "工程师", en: "Engineer" },
  finance: { zh: "财务", en: "Finance" },
};

/**
 * Roles a department administrator may grant and remove (inside his department,
 * never to himself): the daily work roles. Everything else works across the
 * whole organisation (administration, management, process ownership, the lead
 * roles that approve and reassign), so only an administrator hands it out.
 */
export const DELEGABLE_ROLES = ["buyer", "quality", "warehouse", "sales", "engineer", "finance"] as const satisfies readonly (typeof ROLE_KEYS)[number][];

/** Creates missing roles and renames changed ones; idempotent. */
export async function syncRoles(db: Db) {
  const existing = new Map((await db.role.findMany()).map((r) => [r.key, r]));
  for (const key of ROLE_KEYS) {
    const names = ROLE_NAMES[key];
    const row = existing.get(key);
    if (row && row.nameZh === names.zh && row.nameEn === names.en) continue;
    await db.$transaction(async (tx) => {
      const after = await tx.role.upsert({
        where: { key },
        create: { key, nameZh: names.zh, nameEn: names.en },
        update: { nameZh: names.zh, nameEn: names.en },
      });
      await writeAudit(tx, SYSTEM, { action: row ? "role.update" : "role.create", entity: "Role", entityId: after.id, before: row, after });
    });
  }
}
