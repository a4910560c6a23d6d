import { ComingSoon } from "@/components/shell/coming-soon";
import { employeeWithPermission } from "@/lib/auth/guards";

export default async function Page() {
  await employeeWithPermission("process.design");
  return <ComingSoon titleKey="nav.processes" />;
}
