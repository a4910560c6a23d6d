import { getTranslations } from "next-intl/server";
import { PagerLinks } from "@/components/admin/pager-links";
import { ReceiptTable } from "@/components/srm/receipt-table";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listReceipts } from "@/lib/srm/receiving/list-receipts";
import { parseReceiptQuery, type ReceiptQuery } from "@/lib/srm/receiving/receipts.schema";

const href = (q: Omit<ReceiptQuery, "page">, page: number) => listHref("/srm/receipts", { ...q, page });

/** The receipt library (收货单库, SRM-9) for purchasing, the warehouse and quality: filter by supplier, order, number and days. */
export default async function ReceiptsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("srm.view");
  const q = parseReceiptQuery(await searchParams);
  const [t, te, list] = await Promise.all([getTranslations("receiving.receipts"), getTranslations("exports"), listReceipts(await getDb(), actor, q)]);
  const { page: _page, ...filters } = q;
  return (
    <div className="space-y-4">
      <BackLink href="/srm">{t("backToSrm")}</BackLink>
      <PageHeader title={t("title")}>
        {/* A file download, not a page: a plain link, never prefetched. */}
        <a href={listHref("/srm/receipts/export", filters)} download className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="export-receipts">
          {te("button")}
        </a>
      </PageHeader>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <FilterForm className="grid-cols-1 sm:grid-cols-3 lg:grid-cols-5" actionsClassName="sm:col-span-3 lg:col-span-5" submitLabel={t("search")} resetLabel={t("reset")} resetHref="/srm/receipts">
        <div>
          <Label htmlFor="f-supplier">{t("supplier")}</Label>
          <Select id="f-supplier" name="supplier" defaultValue={q.supplier}>
            <option value="">{t("allSuppliers")}</option>
            {list.suppliers.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-order">{t("order")}</Label>
          <Input id="f-order" name="order" defaultValue={q.order} maxLength={60} />
        </div>
        <div>
          <Label htmlFor="f-q">{t("number")}</Label>
          <Input id="f-q" name="q" defaultValue={q.q} maxLength={60} />
        </div>
        <div>
          <Label htmlFor="f-from">{t("from")}</Label>
          <Input id="f-from" name="from" type="date" defaultValue={q.from} />
        </div>
        <div>
          <Label htmlFor="f-to">{t("to")}</Label>
          <Input id="f-to" name="to" type="date" defaultValue={q.to} />
        </div>
      </FilterForm>
      <ReceiptTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(page) => href(filters, page)} />
    </div>
  );
}
