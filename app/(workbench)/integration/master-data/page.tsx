import { Search } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PagerLinks } from "@/components/admin/pager-links";
import { StatusBadge } from "@/components/admin/status-badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { MASTER_TABS, parseMasterDataQuery, type MasterDataQuery } from "@/lib/erp/centre/centre.schema";
import { countMasterData } from "@/lib/erp/centre/count-master-data";
import { listMasterData } from "@/lib/erp/centre/list-master-data";
import { listProducts } from "@/lib/erp/centre/list-products";

const href = (q: Pick<MasterDataQuery, "tab" | "q">, page: number) => listHref("/integration/master-data", { tab: q.tab, q: q.q, page });

/** Attributes as short "key: value" text (tax rate, currency symbol, a location's warehouse). */
function attrsText(v: unknown): string {
  if (!v || typeof v !== "object") return "";
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${k}: ${typeof x === "object" ? JSON.stringify(x) : String(x)}`)
    .join(" · ");
}

export default async function MasterDataPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("integration.view");
  const q = parseMasterDataQuery(await searchParams);
  const db = await getDb();
  const [t, tc, format, counts] = await Promise.all([getTranslations("integration"), getTranslations("common"), getFormatter(), countMasterData(db, actor)]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  const products = q.tab === "product" ? await listProducts(db, actor, q) : null;
  const records = q.tab !== "product" ? await listMasterData(db, actor, { ...q, tab: q.tab }) : null;
  const list = products ?? records!;
  const erpCell = (erpId: string | null) => (erpId ? <span className="font-mono text-xs">{erpId}</span> : <span className="text-xs text-slate-400">{t("master.local")}</span>);
  return (
    <div className="space-y-4">
      <PageHeader title={t("tabs.masterData")} />
      <nav className="-mx-4 overflow-x-auto px-4 md:mx-0 md:px-0" aria-label={t("tabs.masterData")}>
        <ul className="flex min-w-max gap-1 rounded-lg bg-slate-100 p-1">
          {MASTER_TABS.map((k) => (
            <li key={k}>
              <Link
                href={href({ tab: k, q: "" }, 1)}
                aria-current={q.tab === k ? "page" : undefined}
                className={cn("block whitespace-nowrap rounded-md px-3 py-1.5 text-sm", q.tab === k ? "bg-white font-medium text-brand-700 shadow-sm" : "text-slate-600 hover:text-slate-900")}
                data-testid={`master-tab-${k}`}
              >
                {t(`masterKinds.${k}`)} <span className="text-xs tabular-nums text-slate-400">{counts[k]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" role="search" className="flex min-w-0 gap-2 sm:w-96">
        <input type="hidden" name="tab" value={q.tab} />
        <Input key={`${q.tab}-${q.q}`} name="q" type="search" defaultValue={q.q} placeholder={t("master.search")} aria-label={t("master.search")} />
        <Button type="submit" variant="secondary" size="icon" className="shrink-0" aria-label={tc("search")}>
          <Search className="h-4 w-4" aria-hidden />
        </Button>
      </form>
      <TableContainer>
        <Table data-testid="master-data">
          <thead>
            <tr>
              <Th>{t("master.code")}</Th>
              <Th>{t("master.name")}</Th>
              <Th>{products ? t("master.unit") : t("master.attrs")}</Th>
              {products ? <Th>{t("master.params")}</Th> : null}
              <Th>{t("master.erpId")}</Th>
              <Th>{t("master.status")}</Th>
              <Th>{t("master.syncedAt")}</Th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 ? (
              <tr>
                <Td colSpan={products ? 7 : 6} className="py-8 text-center text-slate-500">{t("master.empty")}</Td>
              </tr>
            ) : null}
            {products?.rows.map((p) => (
              <tr key={p.id}>
                <Td className="whitespace-nowrap font-mono text-xs">{p.code}</Td>
                <Td className="min-w-40">{p.name}</Td>
                <Td>{p.unitCode ?? "—"}</Td>
                <Td className="min-w-40 max-w-xs break-words text-xs text-slate-600">{attrsText(p.params)}</Td>
                <Td>{erpCell(p.erpId)}</Td>
                <Td><StatusBadge active={p.active} /></Td>
                <Td className="whitespace-nowrap text-xs">{when(p.syncedAt)}</Td>
              </tr>
            ))}
            {records?.rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap font-mono text-xs">{r.code}</Td>
                <Td className="min-w-32">{r.name}</Td>
                <Td className="min-w-32 max-w-xs break-words text-xs text-slate-600">{attrsText(r.attrs)}</Td>
                <Td>{erpCell(r.erpId)}</Td>
                <Td><StatusBadge active={r.active} /></Td>
                <Td className="whitespace-nowrap text-xs">{when(r.syncedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableContainer>
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
