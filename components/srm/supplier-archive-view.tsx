import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useAuditLabels } from "@/components/admin/audit-entry";
import { CustomValuesList } from "@/components/admin/custom-fields-values";
import { ResetSupplierPasswordButton } from "@/components/admin/reset-supplier-password";
import { InstanceFiles } from "@/components/inbox/instance-files";
import { Badge, Card } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { readCustomValues } from "@/lib/custom-fields/custom-values";
import { customChanges, customEntries } from "@/lib/custom-fields/format-custom-values";
import type { SupplierArchive } from "@/lib/srm/get-supplier-archive";
import { DeliveryPlanTable } from "./delivery-plan-table";
import { OnTimeCard } from "./on-time-card";
import { PassRateCard } from "./pass-rate-card";
import { PurchaseOrderTable } from "./purchase-order-table";
import { ResubmitReviewButton } from "./resubmit-review-button";
import { StartReReviewForm } from "./start-re-review-form";
import { SupplierStatusBadge } from "./srm-badges";
import { SupplierCustomValuesEdit } from "./supplier-custom-values-edit";

function Section({ title, testId, children, action }: { title: string; testId: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <section className="min-w-0 space-y-2" data-testid={testId}>
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-200 bg-white p-4 text-center text-sm text-slate-500">{children}</p>;
}

/** A card of one-line records, or a dashed note when there are none. */
function ListCard<T>({ items, empty, children }: { items: T[]; empty: string; children: (item: T) => React.ReactNode }) {
  if (items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <Card className="p-0">
      <ul className="divide-y divide-slate-100 text-sm">{items.map(children)}</ul>
    </Card>
  );
}

function Figure({ label, value, sub, testId }: { label: string; value: number; sub?: string; testId: string }) {
  return (
    <Card className="p-3" data-testid={testId}>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-2xl font-semibold tabular-nums text-slate-900">{value}</div>
      {sub ? <div className="text-xs text-slate-500">{sub}</div> : null}
    </Card>
  );
}

/** One supplier's archive: everything about it on one page (SRM-5). */
export function SupplierArchiveView({ archive, canManage, canManageAccounts }: { archive: SupplierArchive; canManage: boolean; canManageAccounts: boolean }) {
  const tr = useTranslations("srm.reReview");
  const t = useTranslations("srm.archive");
  const ts = useTranslations("srm");
  const format = useFormatter();
  const audit = useAuditLabels();
  const tc = useTranslations("common");
  const tf = useTranslations("customFields");
  const locale = useLocale();
  const words = { yes: tc("yes"), no: tc("no") };
  const { supplier: s } = archive;
  const hasCustom = customEntries(archive.customFields, s.custom, locale, words).length > 0;
  const activeCustom = archive.customFields.filter((f) => f.active);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const master: [string, string | null][] = [
    [t("taxCode"), s.taxCode],
    [t("paymentTerm"), s.paymentTermCode],
    [t("contact"), s.contactName],
    [t("phone"), s.contactPhone],
    [t("address"), s.address],
    [t("bank"), s.bankName],
    [t("bankAccount"), s.bankAccount],
    [t("createdAt"), day(s.createdAt)],
    [t("updatedAt"), when(s.updatedAt)],
  ];
  const openPlans = (archive.plans.byStatus.planned ?? 0) + (archive.plans.byStatus.shipped ?? 0);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span className="font-mono">{s.code}</span>
        <SupplierStatusBadge status={s.status} />
        <span>{s.erpId ? t("erpId", { id: s.erpId }) : t("notInErp")}</span>
        {archive.reviewRunning ? <span className="text-brand-700" data-testid="review-running">{t("reviewRunning")}</span> : null}
        {archive.reReviewRunning ? <span className="text-brand-700" data-testid="re-review-running">{tr("running")}</span> : null}
      </div>
      {canManage && s.status === "registered" && !archive.reviewRunning ? <ResubmitReviewButton supplierId={s.id} /> : null}
      {/* Mounted while the re-review runs too: the form keeps showing the initial password it was just given. */}
      {canManageAccounts && s.status === "potential" ? (
        <StartReReviewForm supplierId={s.id} defaults={{ username: s.code.toLowerCase(), name: s.contactName ?? "" }} running={archive.reReviewRunning} documents={archive.files.length} />
      ) : null}

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure testId="figure-orders" label={t("ordersTotal")} value={archive.orders.total} sub={`${ts("orderStatus.open")} ${archive.orders.byStatus.open ?? 0}`} />
        <Figure testId="figure-plans" label={t("plansTotal")} value={archive.plans.total} sub={`${ts("planStatus.planned")} / ${ts("planStatus.shipped")} ${openPlans}`} />
        <Figure testId="figure-processes" label={t("instancesTotal")} value={archive.instances.total} />
        <Figure testId="figure-tasks" label={t("openTasks")} value={archive.openTasks.length} />
      </div>

      <div className="grid gap-3 md:grid-cols-2">
        <OnTimeCard onTime={archive.onTime} />
        <PassRateCard rates={archive.passRates} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t("master")} testId="archive-master">
          <Card>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              {master.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="whitespace-nowrap text-slate-500">{label}</dt>
                  <dd className="min-w-0 break-words text-slate-900">{value || "—"}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </Section>
        {hasCustom ? (
          <Section
            title={tf("values.section")}
            testId="archive-custom"
            action={canManage && activeCustom.length ? <SupplierCustomValuesEdit supplierId={s.id} fields={activeCustom} values={readCustomValues(s.custom)} /> : undefined}
          >
            <Card>
              <CustomValuesList fields={archive.customFields} values={s.custom} />
            </Card>
          </Section>
        ) : null}
        <Section title={t("accounts")} testId="archive-accounts">
          <ListCard items={archive.users} empty={t("accountsEmpty")}>
            {(u) => (
              <li key={u.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2" data-testid="archive-account">
                <span className="font-medium text-slate-900">{u.name}</span>
                <span className="font-mono text-xs text-slate-500">{u.username}</span>
                {u.email ? <span className="break-all text-xs text-slate-500">{u.email}</span> : null}
                {u.active ? null : <Badge className="bg-slate-200 text-slate-600">{s.status === "active" ? t("inactive") : t("pendingOpen")}</Badge>}
                {canManageAccounts && u.active ? <span className="ml-auto"><ResetSupplierPasswordButton user={u} /></span> : null}
              </li>
            )}
          </ListCard>
        </Section>
      </div>

      <Section
        title={t("orders")}
        testId="archive-orders"
        action={<Link className="text-sm text-brand-700 hover:underline" href={listHref("/srm", { q: s.code })}>{t("allOrders", { count: archive.orders.total })}</Link>}
      >
        <PurchaseOrderTable rows={archive.orders.rows} fields={archive.orderFields} />
      </Section>
      <Section
        title={t("plans")}
        testId="archive-plans"
        action={<Link className="text-sm text-brand-700 hover:underline" href={listHref("/srm", { tab: "deliveries", q: s.code })}>{t("allPlans", { count: archive.plans.total })}</Link>}
      >
        <DeliveryPlanTable rows={archive.plans.rows} />
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t("tasks")} testId="archive-tasks">
          <ListCard items={archive.openTasks} empty={t("tasksEmpty")}>
            {(task) => (
              <li key={task.id} className="px-4 py-2" data-testid="archive-task">
                <div className="font-medium text-slate-900">{task.name}</div>
                <div className="text-xs text-slate-500">
                  <span className="font-mono">{task.businessKey ?? "—"}</span> · {task.processName} · {when(task.createdAt)}
                  {task.dueAt ? ` · ${t("due")} ${when(task.dueAt)}` : null}
                </div>
              </li>
            )}
          </ListCard>
        </Section>
        <Section title={t("processes")} testId="archive-processes">
          <ListCard items={archive.instances.rows} empty={t("processesEmpty")}>
            {(i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2" data-testid="archive-process">
                <span className="font-mono text-xs">{i.businessKey ?? "—"}</span>
                <span className="text-slate-900">{i.processName}</span>
                <Badge>{t(`instanceStatus.${i.status}`)}</Badge>
                <span className="text-xs text-slate-500 sm:ml-auto">{when(i.startedAt)}</span>
              </li>
            )}
          </ListCard>
        </Section>
        <Section title={t("files")} testId="archive-files">
          {/* Proof documents are uploaded to the supplier itself; the list also has its processes' files the viewer may open. */}
          <Card>
            <InstanceFiles ownerType="Supplier" ownerId={s.id} files={archive.files} canUpload={canManage} />
          </Card>
        </Section>
        <Section title={t("history")} testId="archive-history">
          <ListCard items={archive.history} empty={t("historyEmpty")}>
            {(h) => (
              <li key={h.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2" data-testid="archive-history-entry">
                <time dateTime={h.at.toISOString()} className="text-xs tabular-nums text-slate-500">{when(h.at)}</time>
                <Badge className="bg-brand-50 text-brand-700">{audit.action(h.action)}</Badge>
                <span className="text-slate-700">{h.actorName ?? t("system")}</span>
                {h.customChange ? (
                  <ul className="w-full text-xs text-slate-600" data-testid="archive-history-changes">
                    {customChanges(archive.customFields, h.customChange.before, h.customChange.after, locale, words).map((c) => (
                      <li key={c.key}>
                        {tf("history.change", { label: c.label, before: c.before || tf("history.empty"), after: c.after || tf("history.empty") })}
                        {c.active ? null : <span className="ml-1 text-slate-400">({tf("values.switchedOff")})</span>}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            )}
          </ListCard>
        </Section>
      </div>
    </div>
  );
}
