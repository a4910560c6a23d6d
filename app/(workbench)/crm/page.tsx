import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ContactDays } from "@/components/crm/contact-days";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getCrmHome } from "@/lib/crm/crm-home";
import { leadHomeNumbers } from "@/lib/crm/leads/lead-home";
import { getDb } from "@/lib/db/client";

/** The CRM home (CRM-0): quick entries and what needs the sales person now. */
export default async function CrmHomePage() {
  const actor = await employeeWithPermission("crm.view");
  const db = await getDb();
  const [t, tl, tk, to, tr, tc, format, home, leads] = await Promise.all([getTranslations("crm.home"), getTranslations("leads.home"), getTranslations("knowledge"), getTranslations("opportunities.home"), getTranslations("requirements.list"), getTranslations("contracts.list"), getFormatter(), getCrmHome(db, actor), leadHomeNumbers(db, actor)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          <Link href="/crm/customers" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="crm-my-customers">{t("myCustomers")}</Link>
          <Link href="/crm/opportunities" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="crm-opportunities">{to("opportunities")}</Link>
          <Link href="/crm/opportunities/board" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="crm-opportunity-board">{to("board")}</Link>
          <Link href="/crm/products" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="crm-products">{to("products")}</Link>
          <Link href="/crm/knowledge" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="crm-knowledge">{tk("entry")}</Link>
          <Link href="/crm/requirements" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="crm-requirements">{tr("title")}</Link>
          <Link href="/crm/contracts" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="crm-contracts">{tc("title")}</Link>
          <Link href="/crm/customers/new" className={buttonVariants({ size: "sm" })} data-testid="crm-new-customer">{t("newCustomer")}</Link>
        </div>
      </PageHeader>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <div className="grid gap-4 md:grid-cols-3">
        <Card className="md:col-span-2" data-testid="crm-cold">
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 className="font-medium">{t("cold")}</h2>
            {home.cold.total > home.cold.rows.length ? <Link href="/crm/customers?contact=alert" className="text-sm text-brand-700 underline">{t("allCold")}</Link> : null}
          </div>
          {home.cold.rows.length ? (
            <ul className="divide-y divide-slate-100">
              {home.cold.rows.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <Link href={`/crm/customers/${c.id}`} className="text-brand-700 hover:underline">{c.name}</Link>
                  <ContactDays days={c.days} never={c.never} tone={c.tone} />
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-slate-500">{t("coldEmpty")}</p>}
        </Card>
        <Card data-testid="crm-month">
          <h2 className="mb-2 font-medium">{t("month")}</h2>
          <dl className="grid grid-cols-2 gap-3 text-center">
            <div><dd className="text-2xl font-semibold">{home.month.newCustomers}</dd><dt className="text-xs text-slate-500">{t("monthNew")}</dt></div>
            <div><dd className="text-2xl font-semibold">{home.month.contacts}</dd><dt className="text-xs text-slate-500">{t("monthLogs")}</dt></div>
          </dl>
        </Card>
        <Card className="md:col-span-3" data-testid="crm-leads">
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 className="font-medium">{tl("title")}</h2>
            <Link href="/crm/leads" className="text-sm text-brand-700 underline">{tl("all")}</Link>
          </div>
          <dl className="grid grid-cols-2 gap-3 text-center">
            <div><dd className="text-2xl font-semibold" data-testid="crm-open-leads">{leads.open}</dd><dt className="text-xs text-slate-500">{tl("open")}</dt></div>
            <div><dd className="text-2xl font-semibold">{leads.converted}</dd><dt className="text-xs text-slate-500">{tl("converted")}</dt></div>
          </dl>
        </Card>
        <Card className="md:col-span-3" data-testid="crm-tasks">
          <h2 className="mb-2 font-medium">{t("tasks")}</h2>
          {home.tasks.length ? (
            <ul className="space-y-1 text-sm">
              {home.tasks.map((task) => (
                <li key={task.id} className="flex flex-wrap gap-2">
                  <Link href={`/inbox/${task.id}`} className="text-brand-700 underline">{task.name}：{task.customerName}</Link>
                  {task.dueAt ? <span className="text-slate-500">{t("due", { date: day(task.dueAt) })}</span> : null}
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-slate-500">{t("tasksEmpty")}</p>}
        </Card>
      </div>
    </div>
  );
}
