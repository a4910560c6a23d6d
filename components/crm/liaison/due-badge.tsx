import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const TONE: Record<string, string> = {
  overdue: "bg-red-100 text-red-800 ring-red-300",
  due_soon: "bg-amber-100 text-amber-900 ring-amber-300",
  on_time: "bg-emerald-100 text-emerald-800 ring-emerald-300",
};

/** A stage's standing: red overdue, amber due soon, green on time, always with its word (and working days late). */
export function DueBadge({ due, lateDays }: { due: string | null; lateDays?: number }) {
  const t = useTranslations("liaison.due");
  if (!due) return <span className="text-xs text-slate-500" data-testid="due" data-due="none">{t("notStarted")}</span>;
  return (
    <span className={cn("inline-flex whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ring-1", TONE[due])} data-testid="due" data-due={due}>
      {t(due)}{due === "overdue" && lateDays ? ` · ${t("lateDays", { days: lateDays })}` : ""}
    </span>
  );
}
