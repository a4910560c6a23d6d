import { getTranslations } from "next-intl/server";
import { StartProcessView } from "@/components/inbox/start-process-view";
import { PageHeader } from "@/components/ui/card";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listSupplierPicks } from "@/lib/inbox/list-pickers";
import { membersOfHeadedDepartments } from "@/lib/org/department-members";
import { listStartableProcesses } from "@/lib/inbox/list-startable-processes";

export default async function StartPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeOrRedirect();
  const db = await getDb();
  const { key } = await searchParams;
  const [t, processes] = await Promise.all([getTranslations("inbox.start"), listStartableProcesses(db, actor)]);
  const selected = processes.find((p) => p.key === key) ?? (processes.length === 1 ? processes[0] : null);
  // Only a form with a supplier field needs the supplier list.
  const suppliers = selected?.form.fields.some((f) => f.type === "supplier") ? await listSupplierPicks(db) : [];
  const members = selected?.form.fields.some((f) => f.type === "member") ? await membersOfHeadedDepartments(db, actor.id) : [];
  return (
    <div>
      <PageHeader title={t("title")} />
      <StartProcessView key={selected?.key ?? "none"} processes={processes} selectedKey={selected?.key ?? null} suppliers={suppliers} members={members} />
    </div>
  );
}
