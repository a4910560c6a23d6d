import type { DayKind } from "./working-days";

/**
 * The working calendar's shipped overrides (the migration 20261206080000_liaison_forms
 * inserts exactly these; an int test compares): the State Council's 2026 holiday schedule
 * (国办发明电〔2025〕 notice) and an estimate for 2027 made by the same rules (statutory
 * days, weekend statutory days made up on weekdays, bridges paid back on weekends), to be
 * corrected on the admin page (/admin/calendar) when the 2027 notice is published.
 */
type Span = { from: string; to?: string; kind: DayKind; nameZh: string; nameEn: string; estimated?: boolean };

const SPANS: Span[] = [
  { from: "2026-01-01", to: "2026-01-03", kind: "holiday", nameZh: "元旦", nameEn: "New Year's Day" },
  { from: "2026-01-04", kind: "workday", nameZh: "元旦调休上班", nameEn: "New Year make-up working day" },
  { from: "2026-02-14", kind: "workday", nameZh: "春节调休上班", nameEn: "Spring Festival make-up working day" },
  { from: "2026-02-15", to: "2026-02-23", kind: "holiday", nameZh: "春节", nameEn: "Spring Festival" },
  { from: "2026-02-28", kind: "workday", nameZh: "春节调休上班", nameEn: "Spring Festival make-up working day" },
  { from: "2026-04-04", to: "2026-04-06", kind: "holiday", nameZh: "清明节", nameEn: "Qingming Festival" },
  { from: "2026-05-01", to: "2026-05-05", kind: "holiday", nameZh: "劳动节", nameEn: "Labour Day" },
  { from: "2026-05-09", kind: "workday", nameZh: "劳动节调休上班", nameEn: "Labour Day make-up working day" },
  { from: "2026-06-19", to: "2026-06-21", kind: "holiday", nameZh: "端午节", nameEn: "Dragon Boat Festival" },
  { from: "2026-09-20", kind: "workday", nameZh: "国庆节调休上班", nameEn: "National Day make-up working day" },
  { from: "2026-09-25", to: "2026-09-27", kind: "holiday", nameZh: "中秋节", nameEn: "Mid-Autumn Festival" },
  { from: "2026-10-01", to: "2026-10-07", kind: "holiday", nameZh: "国庆节", nameEn: "National Day" },
  { from: "2026-10-10", kind: "workday", nameZh: "国庆节调休上班", nameEn: "National Day make-up working day" },
  { from: "2027-01-01", to: "2027-01-03", kind: "holiday", nameZh: "元旦", nameEn: "New Year's Day", estimated: true },
  { from: "2027-02-05", to: "2027-02-11", kind: "holiday", nameZh: "春节", nameEn: "Spring Festival", estimated: true },
  { from: "2027-02-20", kind: "workday", nameZh: "春节调休上班", nameEn: "Spring Festival make-up working day", estimated: true },
  { from: "2027-04-03", to: "2027-04-05", kind: "holiday", nameZh: "清明节", nameEn: "Qingming Festival", estimated: true },
  { from: "2027-05-01", to: "2027-05-05", kind: "holiday", nameZh: "劳动节", nameEn: "Labour Day", estimated: true },
  { from: "2027-05-08", kind: "workday", nameZh: "劳动节调休上班", nameEn: "Labour Day make-up working day", estimated: true },
  { from: "2027-06-09", kind: "holiday", nameZh: "端午节", nameEn: "Dragon Boat Festival", estimated: true },
  { from: "2027-09-15", kind: "holiday", nameZh: "中秋节", nameEn: "Mid-Autumn Festival", estimated: true },
  { from: "2027-09-26", kind: "workday", nameZh: "国庆节调休上班", nameEn: "National Day make-up working day", estimated: true },
  { from: "2027-10-01", to: "2027-10-07", kind: "holiday", nameZh: "国庆节", nameEn: "National Day", estimated: true },
  { from: "2027-10-09", kind: "workday", nameZh: "国庆节调休上班", nameEn: "National Day make-up working day", estimated: true },
];

export type CalendarDaySeed = { day: string; kind: DayKind; nameZh: string; nameEn: string };

/** Every overridden day, one row a day, in date order. */
export function chinaPublicHolidays(): CalendarDaySeed[] {
  const out: CalendarDaySeed[] = [];
  for (const s of SPANS) {
    const suffixZh = s.estimated ? "（预估）" : "";
    const suffixEn = s.estimated ? " (estimate)" : "";
    for (let d = s.from; d <= (s.to ?? s.from); d = new Date(Date.parse(`${d}T00:00:00Z`) + 864e5).toISOString().slice(0, 10)) {
      out.push({ day: d, kind: s.kind, nameZh: s.nameZh + suffixZh, nameEn: s.nameEn + suffixEn });
    }
  }
  return out.sort((a, b) => a.day.localeCompare(b.day));
}
