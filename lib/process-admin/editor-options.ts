import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { listPublishedForms, publishedForm } from "../workflow/form-store";
import { listServiceHandlers } from "../workflow/registry";

type Choice = { value: string; labelZh: string; labelEn: string };
export type EditorOptions = {
  forms: (Choice & { fields: { name: string; type: string; labelZh: string; labelEn: string; options?: { value: string; labelZh: string; labelEn: string }[] }[] })[];
  handlers: Choice[];
  groups: Choice[];
  people: Choice[];
  /** Process variables the conditions may read: every form field plus what the runtime sets at start. */
  variables: (Choice & { type: string; options?: { value: string; labelZh: string; labelEn: string }[] })[];
};

const RUNTIME_VARIABLES: EditorOptions["variables"] = [
  { value: "initiator", labelZh: "发起人", labelEn: "Initiator", type: "text" },
  { value: "businessKey", labelZh: "业务编号", labelEn: "Business key", type: "text" },
  { value: "supplierId", labelZh: "供应商", labelEn: "Supplier", type: "supplier" },
];

const DECISIONS = [
  { value: "approve", labelZh: "同意", labelEn: "Approve" },
  { value: "reject", labelZh: "驳回", labelEn: "Reject" },
];

/** Everything the editor's pickers offer: published forms (latest versions) and registered handlers, the organisation's groups and people. */
export async function editorOptions(db: Db, actor: EmployeeActor): Promise<EditorOptions> {
  requirePermission(actor, "process.design");
  const [groups, people] = await Promise.all([
    db.group.findMany({ where: { active: true }, orderBy: { key: "asc" }, select: { key: true, nameZh: true, nameEn: true } }),
    db.employee.findMany({ where: { active: true }, orderBy: { username: "asc" }, select: { username: true, name: true } }),
  ]);
  const published = await Promise.all((await listPublishedForms(db)).map((f) => publishedForm(db, f.key, f.version)));
  const forms = published.flatMap((p) => (p ? [p.definition] : [])).map((f) => ({
    value: f.key,
    labelZh: f.titleZh,
    labelEn: f.titleEn,
    fields: f.fields.map((x) => ({ name: x.name, type: x.type, labelZh: x.labelZh, labelEn: x.labelEn, options: x.type === "decision" ? (x.options ?? DECISIONS) : x.options })),
  }));
  const variables = new Map(RUNTIME_VARIABLES.map((v) => [v.value, v]));
  for (const f of forms) for (const x of f.fields) if (!variables.has(x.name)) variables.set(x.name, { value: x.name, labelZh: x.labelZh, labelEn: x.labelEn, type: x.type, options: x.options });
  return {
    forms,
    handlers: listServiceHandlers().map((h) => ({ value: h.name, labelZh: h.labelZh, labelEn: h.labelEn })),
    groups: groups.map((g) => ({ value: g.key, labelZh: g.nameZh, labelEn: g.nameEn })),
    people: people.map((p) => ({ value: p.username, labelZh: p.name, labelEn: p.name })),
    variables: [...variables.values()],
  };
}
