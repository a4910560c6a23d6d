import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const TONE: Record<string, string> = {
  open: "bg-amber-50 text-amber-800",
  planned: "bg-amber-50 text-amber-800",
  confirmed: "bg-blue-50 text-blue-700",
  shipped: "bg-blue-50 text-blue-700",
  received: "bg-green-50 text-green-700",
  cancelled: "bg-slate-200 text-slate-600",
  declined: "bg-red-50 text-red-700",
};

/** A purchase order's or a delivery plan's status, coloured by how far it has come. */
export function SrmStatusBadge({ kind, status }: { kind: "order" | "plan"; status: string }) {
  const t = useTranslations("srm");
  return (
    <Badge className={cn("whitespace-nowrap", TONE[status])} data-status={status}>
      {t(`${kind === "order" ? "orderStatus" : "planStatus"}.${status}`)}
    </Badge>
  );
}

const SUPPLIER_TONE: Record<string, string> = {
  registered: "bg-slate-100 text-slate-700",
  potential: "bg-amber-50 text-amber-800",
  active: "bg-green-50 text-green-700",
  suspended: "bg-red-50 text-red-700",
};

/** A supplier's status in its life cycle: registered, potential, approved, suspended. */
export function SupplierStatusBadge({ status }: { status: string }) {
  const t = useTranslations("srm.supplierStatus");
  return (
    <Badge className={cn("whitespace-nowrap", SUPPLIER_TONE[status])} data-status={status}>
      {t(status)}
    </Badge>
  );
}
