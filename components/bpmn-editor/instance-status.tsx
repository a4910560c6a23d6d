import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const TONES: Record<string, string> = {
  running: "bg-blue-100 text-blue-800",
  incident: "bg-red-100 text-red-800",
  completed: "bg-green-100 text-green-800",
  cancelled: "bg-slate-200 text-slate-700",
};

export function InstanceStatusBadge({ status }: { status: string }) {
  const t = useTranslations("processes.status");
  return <Badge className={cn(TONES[status])} data-status={status}>{t(status as "running")}</Badge>;
}
