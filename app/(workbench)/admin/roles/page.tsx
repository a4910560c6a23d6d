import { Check } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listRoleMatrix, permissionMessageKey } from "@/lib/org/list-roles";

/** The permission table, one permission a row (its name and what it allows), one role a column. */
export default async function RolesPage() {
  const actor = await employeeWithPermission("org.view");
  const [t, locale, matrix] = await Promise.all([getTranslations("admin.roles"), getLocale(), listRoleMatrix(await getDb(), actor)]);
  const zh = locale === "zh-CN";
  return (
    <div>
      <PageHeader title={t("title")} />
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <TableContainer>
        <Table data-testid="role-matrix">
          <thead>
            <tr>
              <Th className="sticky left-0 z-[1] min-w-48 bg-slate-50 sm:min-w-72">{t("permission")}</Th>
              {matrix.roles.map((r) => (
                <Th key={r.key} className="min-w-20 whitespace-normal text-center align-bottom" data-testid={`role-${r.key}`}>
                  <span className="block">{zh ? r.nameZh : r.nameEn}</span>
                  <span className="block text-xs font-normal text-slate-500">{t("people", { count: r.memberCount })}</span>
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.permissions.map((p) => {
              const key = permissionMessageKey(p);
              return (
                <tr key={p} data-testid="permission-row">
                  <Td className="sticky left-0 z-[1] bg-white">
                    <div className="font-medium text-slate-900">{t(`permissions.${key}`)}</div>
                    <div className="text-xs text-slate-500">{t(`permissionHints.${key}`)}</div>
                  </Td>
                  {matrix.roles.map((r) => (
                    <Td key={r.key} className="text-center">
                      {r.permissions.includes(p) ? (
                        <Check className="mx-auto h-4 w-4 text-green-600" aria-label={t("granted")} />
                      ) : (
                        <span className="text-slate-300" aria-label={t("notGranted")}>·</span>
                      )}
                    </Td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </Table>
      </TableContainer>
    </div>
  );
}
