import { useFormatter, useLocale } from "next-intl";
import type { UnitLabel } from "@/lib/srm/unit-labels";

/** "5,000 件": a quantity with its unit in the reader's language. */
export function useQuantity() {
  const format = useFormatter();
  const zh = useLocale() === "zh-CN";
  return (value: number, unit: UnitLabel | null) => `${format.number(value, { maximumFractionDigits: 4 })}${unit ? ` ${zh ? unit.nameZh : unit.nameEn}` : ""}`;
}

/** Calendar days (requested, confirmed dates) and moments, in Asia/Shanghai (the request's time zone). */
export function useDates() {
  const format = useFormatter();
  return {
    day: (d: Date | string | null) => (d ? format.dateTime(typeof d === "string" ? new Date(`${d}T00:00:00+08:00`) : d, { dateStyle: "medium" }) : "—"),
    when: (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }),
  };
}
