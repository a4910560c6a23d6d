import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MergePreviewForm } from "@/components/crm/merge-preview-form";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { ListTable, Td } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { parseCustomerListQuery } from "@/lib/crm/customer-lists.schema";
import { visibleCustomer } from "@/lib/crm/customer-scope";
import { listCustomers } from "@/lib/crm/list-customers";
import { previewCustomerMerge } from "@/lib/crm/preview-customer-merge";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { translateError } from "@/lib/errors/translate-error";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** CRM-2: merge a duplicate into this customer: find the other one, preview field by field, confirm. */
export default async function MergeCustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const actor = await employeeWithPermission("customer.assign");
  const [{ id }, sp, db, t, tr] = await Promise.all([params, searchParams, getDb(), getTranslations("crmMerge.merge"), getTranslations()]);
  const customer = await visibleCustomer(db, actor, id, { id: true, name: true }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const otherId = one(sp.other);
  const q = one(sp.q).trim().slice(0, 100);
  const preview = otherId
    ? await previewCustomerMerge(db, actor, customer.id, otherId).catch((e) => {
        const err = translateError(e, tr);
        if (!err.expected) throw e;
        return { refused: [err.message, ...Object.values(err.fieldErrors ?? {})].join(" ") };
      })
    : null;
  const found = !otherId && q.length >= 2 ? (await listCustomers(db, actor, parseCustomerListQuery({ view: "all", q }), 10)).rows.filter((r) => r.id !== customer.id) : null;
  return (
    <div>
      <BackLink href={`/crm/customers/${customer.id}`} className="mb-2">{customer.name}</BackLink>
      <PageHeader title={t("title", { name: customer.name })} />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      {preview && "refused" in preview ? (
        <div className="space-y-3" data-testid="merge-refused">
          <Alert>{preview.refused}</Alert>
          <Link href={`/crm/customers/${customer.id}/merge`} className="text-sm text-brand-700 underline">{t("other_again")}</Link>
        </div>
      ) : preview ? (
        <MergePreviewForm preview={preview} />
      ) : (
        <div className="space-y-4">
          <Card>
            <form className="flex flex-wrap items-end gap-2" method="get" role="search">
              <label className="min-w-60 flex-1 text-sm">
                <span className="mb-1 block text-slate-600">{t("search")}</span>
                <Input name="q" defaultValue={q} maxLength={100} data-testid="merge-search" />
              </label>
              <Button type="submit" variant="secondary">{t("searchSubmit")}</Button>
            </form>
          </Card>
          {found ? (
            <ListTable testId="merge-candidates" cards columns={[{ label: t("columns.name") }, { label: t("columns.code") }, { label: t("columns.owner") }, { label: t("columns.contact") }, { label: "" }]} empty={t("noMatches")} isEmpty={!found.length}>
              {found.map((r) => (
                <tr key={r.id} data-testid="merge-candidate" data-name={r.name}>
                  <Td className="font-medium">{r.name}</Td>
                  <Td label={t("columns.code")}>{r.code}</Td>
                  <Td label={t("columns.owner")}>{r.ownerName ?? "—"}</Td>
                  <Td label={t("columns.contact")}>{r.contactName ?? "—"}</Td>
                  <Td><Link href={`/crm/customers/${customer.id}/merge?other=${r.id}`} className="text-brand-700 underline" data-testid="merge-pick">{t("pick")}</Link></Td>
                </tr>
              ))}
            </ListTable>
          ) : <p className="text-sm text-slate-500">{t("searchHint")}</p>}
        </div>
      )}
    </div>
  );
}
