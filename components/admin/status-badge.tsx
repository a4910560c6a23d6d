import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

export function StatusBadge({ active }: { active: boolean }) {
  const t = useTranslations("common");
  return (
    <Badge className={cn("whitespace-nowrap", active ? "bg-green-50 text-green-700" : "bg-slate-200 text-slate-600")}>
      {active ? t("active") : t("inactive")}
    </Badge>
  );
}
