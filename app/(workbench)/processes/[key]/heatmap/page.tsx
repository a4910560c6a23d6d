import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Diagram } from "@/components/bpmn-editor/diagram";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { formatDuration, heatColor } from "@/lib/process-admin/format-duration";
import { heatMap } from "@/lib/process-admin/heat-map";
import { getVersionXml, listVersions } from "@/lib/process-admin/list-versions";

export default async function HeatMapPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("process.design");
  const key = decodeURIComponent((await params).key);
  const raw = (await searchParams).version;
  const db = await getDb();
  const versions = await listVersions(db, actor, key);
  if (!versions?.versions.length) notFound();
  const asked = Number(Array.isArray(raw) ? raw[0] : raw);
  const version = versions.versions.find((v) => v.version === asked)?.version ?? versions.versions[0].version;
  const [t, def] = await Promise.all([getTranslations("processes"), getVersionXml(db, actor, key, version)]);
  if (!def) notFound();
  const rows = await heatMap(db, actor, def.id);
  const max = Math.max(0, ...rows.map((r) => r.avgSeconds ?? 0));
  const badges = rows.map((r) => ({
    elementId: r.elementId,
    text: `${r.instances} · ⌀${formatDuration(r.avgSeconds)}`,
    title: t("heat.badgeTitle", { instances: r.instances, visits: r.visits, active: r.active, avg: formatDuration(r.avgSeconds), p90: formatDuration(r.p90Seconds) }),
    color: heatColor(r.avgSeconds ?? 0, max),
  }));
  const enc = encodeURIComponent(key);
  return (
    <div className="space-y-4">
      <PageHeader title={t("heat.title", { key, version })}>
        <div className="flex flex-wrap gap-1">
          {versions.versions.map((v) => (
            <Link key={v.id} href={`/processes/${enc}/heatmap?version=${v.version}`} aria-current={v.version === version ? "page" : undefined} className={buttonVariants({ variant: v.version === version ? "primary" : "ghost", size: "sm" })}>
              v{v.version}
            </Link>
          ))}
          <Link href={`/processes/${enc}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("editor.history")}</Link>
        </div>
      </PageHeader>
      <p className="text-sm text-slate-600">{t("heat.intro")}</p>
      <Diagram xml={def.xml} badges={badges} className="h-72 overflow-hidden sm:h-[26rem] rounded-md border border-slate-200 bg-white" testId="heat-map" />
      <TableContainer>
        <Table data-testid="heat-table">
          <thead>
            <tr>
              <Th>{t("heat.element")}</Th>
              <Th>{t("heat.instances")}</Th>
              <Th>{t("heat.active")}</Th>
              <Th>{t("heat.avg")}</Th>
              <Th>{t("heat.p90")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <Td colSpan={5} className="text-center text-slate-500">{t("heat.empty")}</Td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.elementId} data-element-id={r.elementId}>
                  <Td>
                    {r.name ?? r.elementId}
                    {r.name ? <span className="ml-1 font-mono text-xs text-slate-400">{r.elementId}</span> : null}
                  </Td>
                  <Td className="tabular-nums">{r.instances}</Td>
                  <Td className="tabular-nums">{r.active}</Td>
                  <Td className="tabular-nums">{formatDuration(r.avgSeconds)}</Td>
                  <Td className="tabular-nums">{formatDuration(r.p90Seconds)}</Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </TableContainer>
    </div>
  );
}
