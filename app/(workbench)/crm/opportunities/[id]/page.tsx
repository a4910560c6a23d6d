import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateContractLink } from "@/components/crm/contracts/create-contract-link";
import { LineEditor } from "@/components/crm/opportunities/line-editor";
import { money } from "@/components/crm/opportunities/money";
import { OpportunityEditForm, StageMoveForm } from "@/components/crm/opportunities/opportunity-forms";
import { OpportunityLinesView } from "@/components/crm/opportunities/opportunity-lines-view";
import { OpportunityRelated } from "@/components/crm/opportunities/opportunity-related";
import { StageBadge } from "@/components/crm/opportunities/stage-badge";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getOpportunity } from "@/lib/crm/opportunities/get-opportunity";
import { activeCurrencies } from "@/lib/erp/master-currencies";
import { opportunityRelated } from "@/lib/crm/opportunities/opportunity-related";
import { listProductCategories } from "@/lib/crm/products/product-categories";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { unitLabels } from "@/lib/srm/unit-labels";
import { ReviewPanel } from "./review-panel";

/** One opportunity (CRM-4/5): header, lines grouped by category with subtotals, stage, reviews and history; 404 for one the employee does not see. */
export default async function OpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("crm.view");
  const { id } = await params;
  const db = await getDb();
  const [t, ta, locale, format, detail] = await Promise.all([
    getTranslations("opportunities.detail"),
    getTranslations("admin.audit.actions"),
    getLocale(),
    getFormatter(),
    getOpportunity(db, actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  const o = detail.opportunity;
  const en = locale === "en";
  const [categories, units] = detail.mayEdit ? await Promise.all([listProductCategories(db, actor), db.masterData.findMany({ where: { kind: "unit", active: true }, orderBy: { code: "asc" }, select: { code: true } })]) : [[], []];
  const open = o.stage !== "won" && o.stage !== "lost";
  const [unitOf, related, currencies] = await Promise.all([unitLabels(db), opportunityRelated(db, actor, o.id), detail.mayEdit && open ? activeCurrencies(db) : []]);
  const ts = await getTranslations("opportunities.stages");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-4">
      <BackLink href="/crm/opportunities" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={o.name}>
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/crm/opportunities/new?copyFrom=${o.id}`} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="opportunity-copy">{t("copy")}</Link>
          {o.lines.length ? <CreateContractLink opportunityId={o.id} /> : null}
        </div>
      </PageHeader>
      <Card data-testid="opportunity-header">
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div><dt className="text-slate-500">{t("code")}</dt><dd data-testid="opportunity-code">{o.code}</dd></div>
          <div><dt className="text-slate-500">{t("customer")}</dt><dd><Link href={`/crm/customers/${o.customer.id}`} className="text-brand-700 hover:underline">{o.customer.name}</Link></dd></div>
          <div><dt className="text-slate-500">{t("stage")}</dt><dd><StageBadge stage={o.stage} /></dd></div>
          <div><dt className="text-slate-500">{t("amount")}</dt><dd className="font-semibold tabular-nums" data-testid="opportunity-amount">{money(o.amount, o.currencyCode, locale)}</dd></div>
          <div><dt className="text-slate-500">{t("probability")}</dt><dd data-testid="opportunity-probability">{o.probability}%</dd></div>
          <div><dt className="text-slate-500">{t("expectedClose")}</dt><dd>{o.expectedCloseDate ?? "—"}</dd></div>
          <div><dt className="text-slate-500">{t("owner")}</dt><dd>{detail.ownerName ?? "—"}</dd></div>
          {o.copiedFrom ? <div><dt className="text-slate-500">{t("source")}</dt><dd data-testid="opportunity-copied-from">{t.rich("copiedFrom", { code: o.copiedFrom.code, link: (chunks) => <Link href={`/crm/opportunities/${o.copiedFrom!.id}`} className="text-brand-700 hover:underline">{chunks}</Link> })}</dd></div> : null}
          {detail.lead ? <div><dt className="text-slate-500">{t("lead")}</dt><dd data-testid="opportunity-lead"><Link href={`/crm/leads/${detail.lead.id}`} className="text-brand-700 hover:underline">{detail.lead.code}</Link></dd></div> : null}
          {o.erpSaleNumber ? <div><dt className="text-slate-500">{t("erpQuotation")}</dt><dd data-testid="opportunity-erp-sale">{o.erpSaleNumber}</dd></div> : null}
          {o.lostReason && o.stage === "lost" ? <div className="sm:col-span-2"><dt className="text-slate-500">{t("lostReason")}</dt><dd>{o.lostReason}</dd></div> : null}
          {o.note ? <div className="sm:col-span-2 lg:col-span-4"><dt className="text-slate-500">{t("note")}</dt><dd className="whitespace-pre-wrap">{o.note}</dd></div> : null}
        </dl>
        {detail.mayEdit ? <div className="mt-4 border-t border-slate-100 pt-3"><StageMoveForm id={o.id} stage={o.stage} stages={detail.stages.map((s) => s.stage)} /></div> : null}
      </Card>
      <Card data-testid="opportunity-lines">
        <h2 className="mb-2 font-medium">{t("lines")}</h2>
        <OpportunityLinesView detail={detail} />
      </Card>
      {detail.mayEdit ? (
        <Card>
          <details data-testid="line-editor-toggle" open={!o.lines.length}>
            <summary className="cursor-pointer font-medium">{t("editLines")}</summary>
            <div className="mt-3">
              <LineEditor
                id={o.id}
                currency={o.currencyCode}
                categories={categories.map((c) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn, paramDefs: c.paramDefs }))}
                units={units.map((u) => ({ code: u.code, label: en ? unitOf(u.code).nameEn : unitOf(u.code).nameZh }))}
                initial={o.lines.map((l) => ({ key: l.id, productId: l.productId, productCode: l.productCode, categoryId: l.categoryId, description: l.description, params: Object.fromEntries(Object.entries(l.params).map(([k, v]) => [k, String(v)])), quantity: l.quantity, unitCode: l.unitCode, unitPrice: l.unitPrice, discountPct: l.discountPct, unitCost: l.unitCost ?? "", expectedDelivery: l.expectedDelivery ?? "" }))}
              />
            </div>
          </details>
        </Card>
      ) : null}
      <ReviewPanel opportunityId={o.id} />
      <OpportunityRelated opportunityId={o.id} related={related} mayRaise={detail.mayEdit} />
      {detail.mayEdit ? (
        <Card>
          <details>
            <summary className="cursor-pointer font-medium">{t("edit")}</summary>
            <div className="mt-3"><OpportunityEditForm id={o.id} name={o.name} expectedCloseDate={o.expectedCloseDate} probability={o.probability} note={o.note} currencyCode={o.currencyCode} currencies={currencies} /></div>
          </details>
        </Card>
      ) : null}
      <Card data-testid="opportunity-history">
        <h2 className="mb-2 font-medium">{t("history")}</h2>
        <ul className="divide-y divide-slate-100 text-sm">
          {detail.history.map((h) => (
            <li key={h.id} className="flex flex-wrap gap-2 py-1.5">
              <span className="text-slate-500">{when(h.at)}</span>
              <span>{h.by ?? t("system")}</span>
              <span>{ta.has(h.action.replaceAll(".", "_")) ? ta(h.action.replaceAll(".", "_")) : t("changed")}</span>
              {h.from && h.to ? <span className="text-slate-600">{ts(h.from)} → {ts(h.to)}</span> : null}
              {h.note ? <span className="text-slate-600">{h.note}</span> : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
