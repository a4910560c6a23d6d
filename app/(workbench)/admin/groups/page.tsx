import { getTranslations } from "next-intl/server";
import { GroupsView } from "@/components/admin/groups-view";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listEmployeeChoices } from "@/lib/org/list-employee-choices";
import { listGroups } from "@/lib/org/list-groups";

export default async function GroupsPage() {
  const actor = await employeeWithPermission("org.view");
  const db = await getDb();
  const canManage = hasPermission(actor, "org.manage");
  const [t, groups, people] = await Promise.all([
    getTranslations("admin.groups"),
    listGroups(db, actor),
    canManage ? listEmployeeChoices(db, actor) : Promise.resolve([]),
  ]);
  return (
    <div>
      <PageHeader title={t("title")} />
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <GroupsView groups={groups} people={people} canManage={canManage} />
    </div>
  );
}
