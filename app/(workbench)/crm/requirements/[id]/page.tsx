import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LinkedParamsTable } from "@/components/crm/requirements/linked-params-table";
import { RequirementStatusBadge } from "@/components/crm/requirements/requirement-status-badge";
import { StartRequirementReviewButton } from "@/components/crm/start-requirement-review-button";
import { InstanceFiles } from "@/components/inbox/instance-files";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getRequirement } from "@/lib/crm/requirements/get-requirement";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

/** One product requirement (CRM-7): linked and own parameters, drawings, its review and liaison forms. */
export default async function RequirementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("crm.view");
  const { id } = await params;
  const locale = await getLocale();
  const [t, tl, format, r] = await Promise.all([
    getTranslations("requirements.detail"),
    getTranslations("liaison.status"),
    getFormatter(),
    getRequirement(await getDb(), actor, id, locale).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  const mayReview = r.status === "draft" || r.status === "rejected";
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <BackLink href="/crm/requirements">{t("back")}</BackLink>
      <PageHeader title={`${r.code} ${r.title}`}>
        <div className="flex flex-wrap items-start gap-2">
          {mayReview ? <StartRequirementReviewButton requirementId={r.id} /> : null}
          <Link href={`/crm/liaison/new?requirement=${r.id}`} className={buttonVariants({ size: "sm" })} data-testid="liaison-new">{t("newLiaison")}</Link>
        </div>
      </PageHeader>
      <Card className="grid gap-2 text-sm sm:grid-cols-2" data-testid="requirement-summary">
        <p><span className="text-slate-500">{t("status")}：</span><RequirementStatusBadge status={r.status} /></p>
        <p><span className="text-slate-500">{t("customerCode")}：</span><span data-testid="requirement-customer">{r.customerCode} {r.customer.name}</span></p>
        <p><span className="text-slate-500">{t("opportunity")}：</span>{r.opportunity.code} {r.opportunity.name}</p>
        <p><span className="text-slate-500">{t("product")}：</span>{r.product ? `${r.product.code} ${r.product.name}` : (r.category?.name ?? "—")}</p>
        <p><span className="text-slate-500">{t("quantity")}：</span>{r.quantity ?? "—"}</p>
        <p><span className="text-slate-500">{t("targetDate")}：</span>{r.targetDate ?? "—"}</p>
        <p><span className="text-slate-500">{t("createdBy")}：</span>{r.createdByName ?? "—"} · {format.dateTime(r.createdAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" })}</p>
        {r.reviewNote ? <p className="sm:col-span-2"><span className="text-slate-500">{t("reviewNote")}：</span>{r.reviewNote}</p> : null}
      </Card>
      <Card>
        <h2 className="mb-2 font-medium">{t("linkedParams")}</h2>
        <LinkedParamsTable params={r.linkedParams} />
        <h2 className="mb-2 mt-4 font-medium">{t("extraParams")}</h2>
        {r.extraParams.length ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="extra-params-view">
            {r.extraParams.map((p) => (
              <div key={p.name} className="contents"><dt className="text-slate-500">{p.name}</dt><dd>{p.value}</dd></div>
            ))}
          </dl>
        ) : <p className="text-sm text-slate-500">{t("noExtraParams")}</p>}
        {r.description ? <><h2 className="mb-1 mt-4 font-medium">{t("description")}</h2><p className="whitespace-pre-wrap text-sm">{r.description}</p></> : null}
      </Card>
      <Card data-testid="requirement-drawings">
        <h2 className="mb-2 font-medium">{t("drawings")}</h2>
        <InstanceFiles ownerType="ProductRequirement" ownerId={r.id} files={r.files} canUpload />
      </Card>
      <Card data-testid="requirement-liaison-forms">
        <h2 className="mb-2 font-medium">{t("liaisonForms")}</h2>
        {r.liaisonForms.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {r.liaisonForms.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2 py-2">
                <Link href={`/crm/liaison/${f.id}`} className="font-medium text-brand-700 hover:underline">{f.code}</Link>
                <span>{f.title}</span>
                <span className="text-xs text-slate-500">{tl(f.status)}</span>
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-slate-500">{t("noLiaisonForms")}</p>}
      </Card>
    </div>
  );
}
