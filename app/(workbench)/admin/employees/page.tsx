import { getTranslations } from "next-intl/server";
import { EmployeesView } from "@/components/admin/employees-view";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listEmployeeFormOptions } from "@/lib/org/list-employee-options";
import { listEmployees, parseEmployeeListQuery } from "@/lib/org/list-employees";

export default async function EmployeesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("org.manage.department");
  const db = await getDb();
  const query = parseEmployeeListQuery(await searchParams);
  const [t, list, options] = await Promise.all([getTranslations("admin.employees"), listEmployees(db, actor, query), listEmployeeFormOptions(db, actor)]);
  const fullAdmin = hasPermission(actor, "org.manage");
  return (
    <div>
      <PageHeader title={t("title")} />
      {fullAdmin ? null : (
        <div className="mb-3">
          <Alert tone="info">{t("scope")}</Alert>
        </div>
      )}
      <EmployeesView list={list} options={options} fullAdmin={fullAdmin} actorId={actor.id} />
    </div>
  );
}
