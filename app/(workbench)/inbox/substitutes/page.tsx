import { getTranslations } from "next-intl/server";
import { SubstitutesView } from "@/components/inbox/substitutes-view";
import { PageHeader } from "@/components/ui/card";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listCoveredTasks } from "@/lib/inbox/list-covered-tasks";
import { listEmployeePicks } from "@/lib/inbox/list-pickers";
import { listSubstitutions } from "@/lib/inbox/list-substitutions";

export default async function SubstitutesPage() {
  const actor = await employeeOrRedirect();
  const db = await getDb();
  const [t, list, coveredTasks, employees] = await Promise.all([getTranslations("inbox.substitutes"), listSubstitutions(db, actor), listCoveredTasks(db, actor), listEmployeePicks(db, { exceptId: actor.id })]);
  return (
    <div>
      <PageHeader title={t("title")} />
      <SubstitutesView mine={list.mine} covering={list.covering} coveredTasks={coveredTasks} employees={employees} />
    </div>
  );
}
