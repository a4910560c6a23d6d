import { useTranslations } from "next-intl";
import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** A figure of the report, a link where the viewer may open what it counts. */
export function FigureLink({ link, tone, children }: { link: { href: string; label: string } | null; tone?: "bad"; children: React.ReactNode }) {
  const color = tone === "bad" ? "text-red-700" : undefined;
  if (!link) return <span className={color}>{children}</span>;
  return (
    <Link href={link.href} aria-label={link.label} title={link.label} className={cn("text-brand-700 underline-offset-2 hover:underline", color)}>
      {children}
    </Link>
  );
}

/** A lead time in the reader's words: minutes, hours or days, one decimal from hours up. */
export function LeadTime({ seconds }: { seconds: number | null }) {
  const t = useTranslations("reports.duration");
  if (seconds === null || !Number.isFinite(seconds)) return <span className="text-slate-400">—</span>;
  const round = (n: number) => Math.round(n * 10) / 10;
  if (seconds < 3600) return <>{t("minutes", { n: Math.max(1, Math.round(seconds / 60)) })}</>;
  if (seconds < 86_400) return <>{t("hours", { n: round(seconds / 3600) })}</>;
  return <>{t("days", { n: round(seconds / 86_400) })}</>;
}
