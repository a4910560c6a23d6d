import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const TONE: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  reviewing: "bg-amber-100 text-amber-800",
  approved: "bg-emerald-100 text-emerald-800",
  rejected: "bg-red-100 text-red-800",
};

/** A requirement's status as a labelled badge (the word carries it; the colour only helps). */
export function RequirementStatusBadge({ status }: { status: string }) {
  const t = useTranslations("requirements.status");
  return <Badge className={cn(TONE[status])} data-testid="requirement-status" data-status={status}>{t(status)}</Badge>;
}
