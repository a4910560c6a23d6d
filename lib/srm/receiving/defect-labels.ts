import "server-only";
import type { Db } from "../../db/client";
import { publishedForm } from "../../workflow/form-store";

export type DefectLabel = { labelZh: string; labelEn: string };

/**
 * The defect types' names, from the inspection form as published last (the list is
 * the process owner's, in processes/forms/quality_inspection.form); a code no longer
 * listed is shown as "other" by the caller.
 */
export async function defectLabels(db: Db): Promise<(code: string | null) => DefectLabel | null> {
  const form = await publishedForm(db, "quality_inspection");
  const options = form?.definition.fields.find((f) => f.type === "lots")?.options ?? [];
  const byCode = new Map(options.map((o) => [o.value, { labelZh: o.labelZh, labelEn: o.labelEn }]));
  return (code) => (code ? (byCode.get(code) ?? { labelZh: "其他", labelEn: "Other" }) : null);
}
