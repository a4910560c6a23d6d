import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContractActions } from "@/components/crm/contracts/contract-actions";
import { ContractStatus } from "@/components/crm/contracts/contract-status";
import { ContractTermsEditor } from "@/components/crm/contracts/contract-terms-editor";
import { ContractTermsView } from "@/components/crm/contracts/contract-terms-view";
import { ContractVersions } from "@/components/crm/contracts/contract-versions";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { assertMayEditContract } from "@/lib/crm/contracts/contract-scope";
import { getContract } from "@/lib/crm/contracts/get-contract";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

/** One sales contract (CRM-9): its terms, versions with what changed, the approval, the PDF and signing; 404 for one the employee does not see. */
export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("crm.view");
  const { id } = await params;
  const db = await getDb();
  const [t, tt, c] = await Promise.all([
    getTranslations("contracts.detail"),
    getTranslations("contracts.template"),
    getContract(db, actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  const mayEdit = await assertMayEditContract(db, actor, c).then(() => true, () => false);
  const editable = mayEdit && (c.status === "draft" || c.status === "approved");
  // The number the confirmation read back; a contract confirmed before it was kept shows its opportunity's quotation number.
  const saleNumber = c.erpSaleNumber ?? (c.erpSaleId && c.opportunity?.erpSaleId === c.erpSaleId ? c.opportunity.erpSaleNumber : null);
  const erp = c.status !== "signed" ? null : !c.erpConfirmedAt ? t("erpPending") : saleNumber ? t("erpConfirmed", { number: saleNumber }) : t("erpConfirmedNoNumber");
  return (
    <div className="space-y-4">
      <BackLink href="/crm/contracts">{t("back")}</BackLink>
      <PageHeader title={`${t("title")} ${c.number}`}>
        <div className="flex flex-wrap gap-2">
          <a href={`/crm/contracts/${c.id}/pdf`} className={buttonVariants({ size: "sm", variant: "secondary" })} target="_blank" rel="noopener" data-testid="contract-pdf">{t("pdf")}</a>
          <Link href={`/crm/contracts/new?from=${c.id}`} className={buttonVariants({ size: "sm", variant: "secondary" })} data-testid="contract-copy">{t("copy")}</Link>
        </div>
      </PageHeader>
      <Card className="p-4">
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr_8rem_1fr]">
          <dt className="text-slate-500">{t("status")}</dt>
          <dd><ContractStatus status={c.status} /></dd>
          <dt className="text-slate-500">{t("template")}</dt>
          <dd data-testid="contract-template">{tt(c.template)}</dd>
          <dt className="text-slate-500">{t("customer")}</dt>
          <dd><Link href={`/crm/customers/${c.customer.id}`} className="text-brand-700 hover:underline">{c.customer.name}</Link></dd>
          <dt className="text-slate-500">{t("owner")}</dt>
          <dd>{c.ownerName}</dd>
          <dt className="text-slate-500">{t("opportunity")}</dt>
          <dd>{c.opportunity ? `${c.opportunity.code} ${c.opportunity.name}` : "—"}</dd>
          <dt className="text-slate-500">{t("copiedFrom")}</dt>
          <dd data-testid="contract-copied-from">{c.copiedFrom ? <Link href={`/crm/contracts/${c.copiedFrom.id}`} className="text-brand-700 hover:underline">{c.copiedFrom.number}</Link> : "—"}</dd>
          <dt className="text-slate-500">{t("version")}</dt>
          <dd>v{c.currentVersion}</dd>
          <dt className="text-slate-500">{t("signedAt")}</dt>
          <dd>{day(c.signedAt)}{c.scan ? <a href={`/api/files/${c.scan.id}`} className="ml-2 text-brand-700 underline">{t("scan")}</a> : null}</dd>
        </dl>
        {erp ? <p className="mt-2 text-sm" data-testid="contract-erp">{erp}</p> : null}
        {c.status === "cancelled" && c.cancelledAt ? (
          <div className="mt-2 rounded-md bg-slate-100 px-3 py-2 text-sm" data-testid="contract-cancelled">
            <p className="text-slate-600">{t("cancelledBy", { who: c.cancelledByName || "—", at: day(c.cancelledAt) })}</p>
            {c.cancelReason ? <p className="text-slate-800" data-testid="contract-cancel-reason">{t("cancelReason", { reason: c.cancelReason })}</p> : null}
          </div>
        ) : null}
        {mayEdit ? <div className="mt-3"><ContractActions id={c.id} status={c.status} /></div> : null}
      </Card>
      {c.approval.length ? (
        <Card className="p-4">
          <h2 className="mb-2 font-medium">{t("approval")}</h2>
          <ul className="space-y-1 text-sm" data-testid="contract-approval">
            {c.approval.map((a) => (
              <li key={a.id}>
                {a.name}：{a.status === "open" ? t("waiting", { who: a.assigneeName ?? t("group") }) : t(a.outcome === "reject" ? "rejectedBy" : "approvedBy", { who: a.completedByName ?? "", at: day(a.completedAt) })}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card className="space-y-3 p-4">
        <h2 className="font-medium">{t("terms")}</h2>
        {editable ? <ContractTermsEditor id={c.id} version={c.currentVersion} template={c.template} terms={c.terms} /> : null}
        {c.status === "approved" && editable ? <p className="text-xs text-slate-500">{t("editResets")}</p> : null}
        <ContractTermsView terms={c.terms} template={c.template} />
      </Card>
      <Card className="p-4">
        <h2 className="mb-2 font-medium">{t("versions")}</h2>
        <ContractVersions versions={c.versions} />
      </Card>
    </div>
  );
}
