import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Diagram } from "@/components/bpmn-editor/diagram";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { diffDiagrams } from "@/lib/process-admin/diff-versions";
import { getVersionXml } from "@/lib/process-admin/list-versions";

const num = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 && n < 1e6 ? n : null;
};

export default async function DiffPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("process.design");
  const key = decodeURIComponent((await params).key);
  const sp = await searchParams;
  const [a, b] = [num(sp.a), num(sp.b)];
  if (!a || !b) notFound();
  const db = await getDb();
  const [t, older, newer] = await Promise.all([getTranslations("processes"), getVersionXml(db, actor, key, a), getVersionXml(db, actor, key, b)]);
  if (!older || !newer) notFound();
  const d = await diffDiagrams(older.xml, newer.xml);
  const changed = Object.keys(d.changed);
  const enc = encodeURIComponent(key);
  const label = (id: string) => (d.names[id] ? `${d.names[id]} (${id})` : id);
  const legend = [
    ["ff-added", "bg-green-100 border-green-600", t("diff.added")],
    ["ff-removed", "bg-red-100 border-red-600", t("diff.removed")],
    ["ff-changed", "bg-amber-100 border-amber-600", t("diff.changed")],
    ["ff-moved", "bg-white border-blue-600 border-dashed", t("diff.moved")],
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("diff.title", { key, a, b })}>
        <Link href={`/processes/${enc}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("editor.history")}</Link>
      </PageHeader>
      <ul className="flex flex-wrap gap-4 text-xs text-slate-600">
        {legend.map(([k, cls, text]) => (
          <li key={k} className="flex items-center gap-1.5">
            <span className={`h-3 w-4 rounded-sm border-2 ${cls}`} aria-hidden />
            {text}
          </li>
        ))}
      </ul>
      <div className="grid gap-3 lg:grid-cols-2">
        <figure className="min-w-0">
          <figcaption className="mb-1 text-sm font-medium text-slate-700">v{a}</figcaption>
          <Diagram xml={older.xml} markers={{ "ff-removed": d.removed, "ff-changed": changed, "ff-moved": d.layoutChanged }} className="h-80 overflow-hidden rounded-md border border-slate-200 bg-white lg:h-[28rem]" testId="diff-old" />
        </figure>
        <figure className="min-w-0">
          <figcaption className="mb-1 text-sm font-medium text-slate-700">v{b}</figcaption>
          <Diagram xml={newer.xml} markers={{ "ff-added": d.added, "ff-changed": changed, "ff-moved": d.layoutChanged }} className="h-80 overflow-hidden rounded-md border border-slate-200 bg-white lg:h-[28rem]" testId="diff-new" />
        </figure>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="diff-summary">
        <h2 className="mb-2 font-semibold text-slate-800">{t("diff.summary")}</h2>
        {!d.added.length && !d.removed.length && !changed.length && !d.layoutChanged.length ? <p className="text-slate-500">{t("diff.none")}</p> : null}
        <ul className="space-y-1">
          {d.added.map((id) => <li key={`a-${id}`} data-change="added"><span className="font-medium text-green-700">{t("diff.added")}</span> <code>{label(id)}</code></li>)}
          {d.removed.map((id) => <li key={`r-${id}`} data-change="removed"><span className="font-medium text-red-700">{t("diff.removed")}</span> <code>{label(id)}</code></li>)}
          {changed.map((id) => (
            <li key={`c-${id}`} data-change="changed">
              <span className="font-medium text-amber-700">{t("diff.changed")}</span> <code>{label(id)}</code>
              <span className="text-slate-500"> — {d.changed[id].map((c) => `${c.attr}: ${c.from || "∅"} → ${c.to || "∅"}`).join("; ")}</span>
            </li>
          ))}
          {d.layoutChanged.map((id) => <li key={`m-${id}`} data-change="moved"><span className="font-medium text-blue-700">{t("diff.moved")}</span> <code>{label(id)}</code></li>)}
        </ul>
      </section>
    </div>
  );
}
