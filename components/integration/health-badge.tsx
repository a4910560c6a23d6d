import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

/** ok / failing / never checked, from the connection's last test. */
export function HealthBadge({ ok }: { ok: boolean | null }) {
  const t = useTranslations("integration.health");
  const state = ok === null ? "unknown" : ok ? "ok" : "failed";
  const tone = { ok: "bg-green-100 text-green-800", failed: "bg-red-100 text-red-800", unknown: "bg-slate-100 text-slate-600" }[state];
  return (
    <Badge className={cn("whitespace-nowrap font-medium", tone)} data-testid="health-badge" data-health={state}>
      {t(state)}
    </Badge>
  );
}

/** A sync-log result or a job state. */
export function ResultBadge({ status, label }: { status: "ok" | "failed" | "retrying"; label: string }) {
  const tone = { ok: "bg-green-50 text-green-700", failed: "bg-red-50 text-red-700", retrying: "bg-amber-50 text-amber-800" }[status];
  return <Badge className={cn("whitespace-nowrap", tone)} data-status={status}>{label}</Badge>;
}
