import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const TONE: Record<string, string> = { draft: "", in_review: "bg-amber-100 text-amber-800", approved: "bg-sky-100 text-sky-800", signed: "bg-emerald-100 text-emerald-800", cancelled: "bg-slate-200 text-slate-600" };

/** A contract's status as a coloured badge. */
export function ContractStatus({ status }: { status: string }) {
  const t = useTranslations("contracts.status");
  return <Badge className={cn(TONE[status])} data-testid="contract-status" data-status={status}>{t(status)}</Badge>;
}
