import { getTranslations } from "next-intl/server";
import { DepartmentsView } from "@/components/admin/departments-view";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listDepartments } from "@/lib/org/list-departments";
import { listEmployeeChoices } from "@/lib/org/list-employee-choices";

export default async function DepartmentsPage() {
  const actor = await employeeWithPermission("org.view");
  const db = await getDb();
  const canManage = hasPermission(actor, "org.manage");
  const [t, departments, people] = await Promise.all([
    getTranslations("admin.departments"),
    listDepartments(db, actor),
    canManage ? listEmployeeChoices(db, actor) : Promise.resolve([]),
  ]);
  return (
    <div>
      <PageHeader title={t("title")} />
      <DepartmentsView departments={departments} people={people} canManage={canManage} />
    </div>
  );
}
