import { ComingSoon } from "@/components/shell/coming-soon";
import { employeeOrRedirect } from "@/lib/auth/guards";


export default async function Page() {
  await employeeOrRedirect();
  return <ComingSoon titleKey="nav.inbox" />;
}
