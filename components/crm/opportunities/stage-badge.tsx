import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const TONE: Record<string, string> = {
  qualify: "bg-slate-100 text-slate-700",
  solution: "bg-sky-100 text-sky-800",
  quotation: "bg-indigo-100 text-indigo-800",
  negotiation: "bg-amber-100 text-amber-800",
  won: "bg-green-100 text-green-800",
  lost: "bg-red-100 text-red-700",
};

/** An opportunity's stage, named and coloured. */
export function StageBadge({ stage, className }: { stage: string; className?: string }) {
  const t = useTranslations("opportunities.stages");
  return <Badge className={cn(TONE[stage], className)} data-testid="stage-badge">{t(stage)}</Badge>;
}
