import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { linkedParams } from "./linked-params";
import { REQUIREMENT_FILE_OWNER } from "./requirement-file-access";
import { UUID, visibleRequirementsWhere } from "./requirement-scope";

type ExtraParam = { name: string; value: string };

/** One requirement as its page shows it: linked library parameters, its own ones, drawings, review, liaison forms. */
export async function getRequirement(db: Db, who: Actor | null, id: string, locale = "zh-CN") {
  const actor = requirePermission(who, "crm.view");
  const where = await visibleRequirementsWhere(db, actor);
  const r = UUID.test(id)
    ? await db.productRequirement.findFirst({
        where: { AND: [{ id }, where] },
        include: {
          opportunity: { select: { id: true, code: true, name: true } },
          customer: { select: { id: true, code: true, name: true } },
          category: { select: { id: true, nameZh: true, nameEn: true, paramDefs: true } },
          product: { select: { id: true, code: true, name: true, techParams: true, category: { select: { paramDefs: true } } } },
          liaisonForms: { select: { id: true, code: true, title: true, status: true, createdAt: true }, orderBy: { createdAt: "desc" } },
        },
      })
    : null;
  if (!r) throw new AppError("not_found");
  const [files, creator] = await Promise.all([
    db.storedFile.findMany({ where: { ownerType: REQUIREMENT_FILE_OWNER, ownerId: r.id }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, size: true, contentType: true, createdAt: true, ownerType: true } }),
    db.employee.findUnique({ where: { id: r.createdById }, select: { name: true } }),
  ]);
  const defs = r.product?.category?.paramDefs ?? r.category?.paramDefs ?? [];
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    status: r.status,
    opportunity: r.opportunity,
    customer: r.customer,
    customerCode: r.customerCode,
    category: r.category ? { id: r.category.id, name: locale === "en" ? r.category.nameEn : r.category.nameZh } : null,
    product: r.product ? { id: r.product.id, code: r.product.code, name: r.product.name } : null,
    linkedParams: linkedParams(defs, r.product?.techParams ?? {}, locale),
    extraParams: (Array.isArray(r.extraParams) ? r.extraParams : []) as ExtraParam[],
    quantity: r.quantity,
    targetDate: r.targetDate ? r.targetDate.toISOString().slice(0, 10) : null,
    description: r.description,
    reviewInstanceId: r.reviewInstanceId,
    reviewNote: r.reviewNote,
    createdByName: creator?.name ?? null,
    createdAt: r.createdAt,
    files,
    liaisonForms: r.liaisonForms,
  };
}
