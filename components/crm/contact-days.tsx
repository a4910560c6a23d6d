import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const TONES = { ok: "bg-green-50 text-green-800", warn: "bg-amber-100 text-amber-900", alert: "bg-orange-100 text-orange-900", cold: "bg-red-100 text-red-800" } as const;

/** Days since the last contact, coloured by the sales lead's thresholds. */
export function ContactDays({ days, never, tone }: { days: number; never: boolean; tone: keyof typeof TONES }) {
  const t = useTranslations("crm.list");
  const text = never ? t("never", { days }) : days === 0 ? t("today") : t("days", { days });
  return <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", TONES[tone])} data-testid="contact-days" data-tone={tone}>{text}</span>;
}
