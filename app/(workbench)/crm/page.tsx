import { ComingSoon } from "@/components/shell/coming-soon";
import { employeeWithPermission } from "@/lib/auth/guards";

export default async function Page() {
  await employeeWithPermission("crm.view");
  return <ComingSoon titleKey="nav.crm" />;
}
