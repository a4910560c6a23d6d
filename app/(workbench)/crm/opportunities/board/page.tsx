import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { OpportunityBoard } from "@/components/crm/opportunities/opportunity-board";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { opportunityBoard } from "@/lib/crm/opportunities/opportunity-board";
import { getDb } from "@/lib/db/client";

/** The opportunity kanban (CRM-5): a column per stage, drag (or choose) to move; the server refuses a move that needs a review first. */
export default async function OpportunityBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const mine = (await searchParams).view === "mine";
  const [t, columns] = await Promise.all([getTranslations("opportunities.board"), opportunityBoard(await getDb(), actor, { mine })]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          <Link href="/crm/opportunities" className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("list")}</Link>
          {hasPermission(actor, "opportunity.review_settings") ? <Link href="/crm/opportunities/stages" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="board-stage-settings">{t("stageSettings")}</Link> : null}
          <Link href="/crm/opportunities/new" className={buttonVariants({ size: "sm" })}>{t("new")}</Link>
        </div>
      </PageHeader>
      <AdminTabs items={[{ href: "/crm/opportunities/board", label: t("all"), exact: true, active: !mine }, { href: "/crm/opportunities/board?view=mine", label: t("mine"), exact: true, active: mine }]} label={t("title")} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <OpportunityBoard columns={columns} />
    </div>
  );
}
