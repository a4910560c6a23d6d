import { getTranslations } from "next-intl/server";
import { PagerLinks } from "@/components/admin/pager-links";
import { ContractTable } from "@/components/crm/contracts/contract-table";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { CONTRACT_STATUSES, parseContractListQuery, type ContractListQuery } from "@/lib/crm/contracts/contract.schema";
import { listContracts } from "@/lib/crm/contracts/list-contracts";
import { getDb } from "@/lib/db/client";

const href = (q: Partial<ContractListQuery>, page = 1) => listHref("/crm/contracts", { q: q.q, status: q.status, template: q.template, page });

/** Sales contracts (CRM-9) of the customers the employee sees, newest first, with filters. */
export default async function ContractsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const q = parseContractListQuery(await searchParams);
  const [t, ts, tt, list] = await Promise.all([getTranslations("contracts.list"), getTranslations("contracts.status"), getTranslations("contracts.template"), listContracts(await getDb(), actor, q)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <FilterForm className="grid-cols-1 sm:grid-cols-4" actionsClassName="sm:col-span-4" submitLabel={t("search")} resetLabel={t("reset")} resetHref="/crm/contracts">
        <div className="sm:col-span-2">
          <Label htmlFor="k-q">{t("query")}</Label>
          <Input id="k-q" name="q" defaultValue={q.q} maxLength={100} placeholder={t("queryHint")} data-testid="contract-search" />
        </div>
        <div>
          <Label htmlFor="k-status">{t("columns.status")}</Label>
          <Select id="k-status" name="status" defaultValue={q.status}>
            <option value="">{t("any")}</option>
            {CONTRACT_STATUSES.map((s) => <option key={s} value={s}>{ts(s)}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="k-template">{t("columns.template")}</Label>
          <Select id="k-template" name="template" defaultValue={q.template}>
            <option value="">{t("any")}</option>
            <option value="domestic">{tt("domestic")}</option>
            <option value="foreign">{tt("foreign")}</option>
          </Select>
        </div>
      </FilterForm>
      <ContractTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
