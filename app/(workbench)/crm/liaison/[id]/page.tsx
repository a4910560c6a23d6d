import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AllocateStageForm } from "@/components/crm/liaison/allocate-stage-form";
import { DueBadge } from "@/components/crm/liaison/due-badge";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ListTable, Td } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getLiaisonForm } from "@/lib/crm/liaison/get-liaison-form";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

/** One liaison form (CRM-8): its stages by sequence, who has each, the planned and actual finish, the results. */
export default async function LiaisonFormPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("crm.view");
  const { id } = await params;
  const [t, ts, format, form] = await Promise.all([
    getTranslations("liaison.detail"),
    getTranslations("liaison"),
    getFormatter(),
    getLiaisonForm(await getDb(), actor, id, await getLocale()).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }) : "—");
  return (
    <div className="space-y-4">
      <BackLink href={form.requirement ? `/crm/requirements/${form.requirement.id}` : "/crm/requirements"}>{t("back")}</BackLink>
      <PageHeader title={`${form.code} ${form.title}`}>
        {hasPermission(actor, "liaison.report") ? <Link href="/crm/liaison/report" className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("report")}</Link> : null}
      </PageHeader>
      <Card className="grid gap-2 text-sm sm:grid-cols-2" data-testid="liaison-summary">
        <p><span className="text-slate-500">{t("status")}：</span><span data-testid="liaison-status">{ts(`status.${form.status}`)}</span></p>
        <p><span className="text-slate-500">{t("customer")}：</span>{form.customer ? `${form.customer.code} ${form.customer.name}` : "—"}</p>
        <p><span className="text-slate-500">{t("opportunity")}：</span>{form.opportunity ? `${form.opportunity.code} ${form.opportunity.name}` : "—"}</p>
        <p><span className="text-slate-500">{t("requirement")}：</span>{form.requirement ? <Link className="text-brand-700 hover:underline" href={`/crm/requirements/${form.requirement.id}`}>{form.requirement.code} {form.requirement.title}</Link> : "—"}</p>
      </Card>
      <ListTable testId="liaison-stages" cards isEmpty={!form.stages.length} empty="—"
        columns={[{ label: t("seq") }, { label: t("department") }, { label: t("task") }, { label: t("person") }, { label: t("planned") }, { label: t("actual") }, { label: t("due") }, { label: t("result") }]}>
        {form.stages.map((s) => (
          <tr key={s.id} data-testid="liaison-stage" data-stage-status={s.status}>
            <Td label={t("seq")}><span>{s.seq}</span></Td>
            <Td label={t("department")}><span>{s.department}</span></Td>
            <Td label={t("task")}><span>{s.task}</span></Td>
            <Td label={t("person")}>
              {s.candidates.length ? <AllocateStageForm formId={form.id} stageId={s.id} candidates={s.candidates} />
                : <span>{s.assigneeName ?? (s.status === "allocating" ? t("waitingHead", { name: s.headName ?? "—" }) : s.status === "waiting" ? t("notYet") : "—")}</span>}
            </Td>
            <Td label={t("planned")}><span className="whitespace-nowrap">{s.plannedFinishAt ? when(s.plannedFinishAt) : s.deadlineDays ? t("inDays", { days: s.deadlineDays }) : (s.deadlineDate ?? "—")}</span></Td>
            <Td label={t("actual")}><span className="whitespace-nowrap">{when(s.actualFinishAt)}</span></Td>
            <Td label={t("due")}><DueBadge due={s.due} /></Td>
            <Td label={t("result")}>
              {s.myTaskId ? <Link href={`/inbox/${s.myTaskId}`} className={buttonVariants({ size: "sm" })} data-testid="stage-open-task">{t("openTask")}</Link> : <span className="whitespace-pre-wrap">{s.result ?? "—"}</span>}
            </Td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
