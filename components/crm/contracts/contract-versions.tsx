import { useTranslations } from "next-intl";
import type { ContractView } from "@/lib/crm/contracts/get-contract";
import type { TermsDiff } from "@/lib/crm/contracts/diff-terms";

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : typeof v === "number" ? new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 }).format(v) : String(v));

/** Every version, newest first, each with what changed from the one before: conditions, lines and clauses. */
export function ContractVersions({ versions }: { versions: ContractView["versions"] }) {
  const t = useTranslations("contracts.versions");
  return (
    <ol className="space-y-4 text-sm" data-testid="contract-versions">
      {[...versions].reverse().map((v) => (
        <li key={v.version} className="border-l-2 border-slate-200 pl-3" data-testid="contract-version" data-version={v.version}>
          <div className="font-medium">{t("heading", { version: v.version, by: v.createdBy, at: v.createdAt.toISOString().slice(0, 16).replace("T", " ") })}</div>
          {v.note ? <p className="text-slate-600">{v.note}</p> : null}
          {v.diff ? <DiffView diff={v.diff} /> : <p className="text-slate-500">{t("first")}</p>}
        </li>
      ))}
    </ol>
  );
}

function DiffView({ diff }: { diff: TermsDiff }) {
  const t = useTranslations("contracts.versions");
  const tf = useTranslations("contracts.fields");
  if (diff.empty) return <p className="text-slate-500">{t("noChange")}</p>;
  const change = (before: unknown, after: unknown) => (
    <>
      <del className="bg-red-50 text-red-700">{show(before)}</del> → <ins className="bg-emerald-50 text-emerald-800 no-underline">{show(after)}</ins>
    </>
  );
  return (
    <ul className="mt-1 space-y-1" data-testid="contract-diff">
      {diff.header.map((h) => <li key={h.field} data-kind="changed">{tf(h.field)}：{change(h.before, h.after)}</li>)}
      {diff.lines.map((l) => (
        <li key={`l-${l.key}`} data-kind={l.kind}>
          {l.kind === "added" ? t("lineAdded", { line: l.after.description }) : l.kind === "removed" ? t("lineRemoved", { line: l.before.description }) : (
            <>
              {t("lineChanged", { line: l.after.description })}
              {l.fields.map((f) => <span key={f.field} className="ml-2">{tf(f.field)} {change(f.before, f.after)}</span>)}
            </>
          )}
        </li>
      ))}
      {diff.clauses.map((c) => (
        <li key={`c-${c.key}`} data-kind={c.kind} data-testid="clause-diff">
          {c.kind === "added" ? t("clauseAdded", { clause: c.after.titleZh }) : c.kind === "removed" ? t("clauseRemoved", { clause: c.before.titleZh }) : (
            <>
              {t("clauseChanged", { clause: c.after.titleZh })}
              {c.fields.map((f) => <div key={f} className="ml-4">{tf(f)}：{change(c.before[f], c.after[f])}</div>)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
