import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { publishedForm } from "../../workflow/form-store";

/**
 * One published version as a .form file: the form-js schema with the form's key as its
 * id and its titles at the root, the layout of the shipped files in processes/forms/
 * (so an export can ship as it is, and imports back with its titles).
 */
export async function exportFormVersion(db: Db, who: EmployeeActor, key: string, version: number) {
  requirePermission(who, "process.design");
  const form = await publishedForm(db, key, version);
  if (!form || form.version !== version) throw new AppError("form_not_found");
  const file = { ...form.schema, id: key, titleZh: form.titleZh, titleEn: form.titleEn };
  return { fileName: `${key}-v${version}.form`, text: `${JSON.stringify(file, null, 2)}\n` };
}
