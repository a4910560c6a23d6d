import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { UUID, visibleOpportunity, visibleRequirementsWhere } from "../requirements/requirement-scope";

/** The new liaison form's source (a requirement or an opportunity the employee sees) and the departments that have a head. */
export async function liaisonFormOptions(db: Db, who: Actor | null, src: { requirement?: string; opportunity?: string }, locale = "zh-CN") {
  const actor = requirePermission(who, "crm.view");
  let source: { requirementId: string | null; opportunityId: string; label: string };
  if (src.requirement) {
    const where = await visibleRequirementsWhere(db, actor);
    const r = UUID.test(src.requirement) ? await db.productRequirement.findFirst({ where: { AND: [{ id: src.requirement }, where] }, select: { id: true, code: true, title: true, opportunityId: true } }) : null;
    if (!r) throw new AppError("not_found");
    source = { requirementId: r.id, opportunityId: r.opportunityId, label: `${r.code} ${r.title}` };
  } else {
    const o = await visibleOpportunity(db, actor, src.opportunity ?? "");
    source = { requirementId: null, opportunityId: o.id, label: `${o.code} ${o.name}` };
  }
  const departments = await db.department.findMany({ where: { active: true, headId: { not: null }, parentId: { not: null } }, orderBy: { code: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true, head: { select: { name: true } } } });
  return { source, departments: departments.map((d) => ({ id: d.id, code: d.code, name: locale === "en" ? d.nameEn : d.nameZh, headName: d.head?.name ?? "" })) };
}
