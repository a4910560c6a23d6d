import { IntegrationTabs } from "@/components/integration/integration-tabs";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";

// Navigation only: each page and each action checks its own permission (a layout is no guard for actions).
export default async function IntegrationLayout({ children }: { children: React.ReactNode }) {
  const actor = await employeeOrRedirect();
  if (!hasPermission(actor, "integration.view")) return children;
  return (
    <div>
      <IntegrationTabs manage={hasPermission(actor, "integration.manage")} />
      {children}
    </div>
  );
}
