import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CalendarDayForm, RemoveCalendarDayButton } from "@/components/admin/calendar-day-form";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ListTable, Td } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { listCalendarDays } from "@/lib/calendar/edit-calendar";
import { shanghaiDayOf } from "@/lib/calendar/working-days";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/workflow/clock";

/** The working calendar (CRM-8): public holidays and make-up working days of a year; weekends need no row. */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("calendar.manage");
  const sp = await searchParams;
  const thisYear = Number(shanghaiDayOf(now()).slice(0, 4));
  const asked = Number(Array.isArray(sp.year) ? sp.year[0] : sp.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const [t, locale, days] = await Promise.all([getTranslations("calendar"), getLocale(), listCalendarDays(await getDb(), actor, year)]);
  const weekday = (day: string) => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <div className="flex items-center gap-2">
          <Link href={`/admin/calendar?year=${year - 1}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("year", { year: year - 1 })}</Link>
          <span className="font-medium tabular-nums" data-testid="calendar-year">{t("year", { year })}</span>
          <Link href={`/admin/calendar?year=${year + 1}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("year", { year: year + 1 })}</Link>
        </div>
      </PageHeader>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <Card><CalendarDayForm /></Card>
      <ListTable testId="calendar-days" cards isEmpty={!days.length} empty={t("empty")} columns={[{ label: t("day") }, { label: t("weekday") }, { label: t("kind") }, { label: t("name") }, { label: "" }]}>
        {days.map((d) => (
          <tr key={d.day} data-testid="calendar-day" data-kind={d.kind}>
            <Td label={t("day")}><span className="tabular-nums">{d.day}</span></Td>
            <Td label={t("weekday")}><span>{weekday(d.day)}</span></Td>
            <Td label={t("kind")}><span className={d.kind === "holiday" ? "text-red-700" : "text-emerald-700"}>{t(`kinds.${d.kind}`)}</span></Td>
            <Td label={t("name")}><span>{locale === "en" && d.nameEn ? d.nameEn : d.nameZh}</span></Td>
            <Td><RemoveCalendarDayButton day={d.day} /></Td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
