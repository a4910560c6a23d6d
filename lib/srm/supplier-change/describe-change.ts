import "server-only";
import type { Db, Tx } from "../../db/client";
import { loadMessages } from "../../i18n/messages";
import { BANK_FIELDS, CHANGE_FIELDS, CODE_FIELDS, type ChangeField, type Proposal } from "./change-fields";

/** One changed field as people read it: its label in both languages, the old and the new value in words ("" for empty). */
export type ChangeRow = { field: ChangeField; labelZh: string; labelEn: string; from: string; to: string; bank: boolean };

async function fieldLabels(): Promise<Record<ChangeField, { zh: string; en: string }>> {
  const [zh, en] = await Promise.all([loadMessages("zh-CN"), loadMessages("en")]);
  const label = (m: Record<string, unknown>, f: ChangeField) => {
    const fields = ((m.srm as Record<string, unknown>)?.change as Record<string, unknown>)?.fields as Record<string, string> | undefined;
    return fields?.[f] ?? f;
  };
  return Object.fromEntries(CHANGE_FIELDS.map((f) => [f, { zh: label(zh, f), en: label(en, f) }])) as Record<ChangeField, { zh: string; en: string }>;
}

/** The proposal's rows in form order, codes with their master-data names (e.g. "NET30 月结 30 天"). */
export async function describeProposal(db: Db | Tx, p: Proposal): Promise<ChangeRow[]> {
  const fields = CHANGE_FIELDS.filter((f) => f in p);
  const codes = fields.flatMap((f) => (CODE_FIELDS[f] ? [p[f]!.from, p[f]!.to].filter((c): c is string => !!c).map((code) => ({ kind: CODE_FIELDS[f]!, code })) : []));
  const [labels, names] = await Promise.all([
    fieldLabels(),
    codes.length ? db.masterData.findMany({ where: { OR: codes.map((c) => ({ kind: c.kind, code: c.code })) }, select: { kind: true, code: true, name: true } }) : [],
  ]);
  const nameOf = new Map(names.map((n) => [`${n.kind}:${n.code}`, n.name]));
  const words = (f: ChangeField, v: string | null) => {
    if (!v) return "";
    const kind = CODE_FIELDS[f];
    const name = kind ? nameOf.get(`${kind}:${v}`) : undefined;
    return name ? `${v} ${name}` : v;
  };
  return fields.map((f) => ({ field: f, labelZh: labels[f].zh, labelEn: labels[f].en, from: words(f, p[f]!.from), to: words(f, p[f]!.to), bank: BANK_FIELDS.includes(f) }));
}
