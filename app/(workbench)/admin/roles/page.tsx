import { Check } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listRoleMatrix } from "@/lib/org/list-roles";

export default async function RolesPage() {
  const actor = await employeeWithPermission("org.view");
  const [t, locale, matrix] = await Promise.all([getTranslations("admin.roles"), getLocale(), listRoleMatrix(await getDb(), actor)]);
  const zh = locale === "zh-CN";
  // Permission keys contain dots, which next-intl reads as nesting.
  const label = (p: string) => t(`permissions.${p.replaceAll(".", "_")}`);
  return (
    <div>
      <PageHeader title={t("title")} />
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <TableContainer>
        <Table data-testid="role-matrix">
          <thead>
            <tr>
              <Th className="sticky left-0 z-[1]">{t("role")}</Th>
              <Th className="text-right">{t("members")}</Th>
              {matrix.permissions.map((p) => (
                <Th key={p} className="min-w-24 whitespace-normal text-center align-bottom" title={p}>
                  {label(p)}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.roles.map((r) => (
              <tr key={r.key} data-testid={`role-${r.key}`}>
                <Td className="sticky left-0 z-[1] bg-white">
                  <div className="whitespace-nowrap font-medium">{zh ? r.nameZh : r.nameEn}</div>
                  <div className="font-mono text-xs text-slate-500">{r.key}</div>
                </Td>
                <Td className="text-right tabular-nums">{r.memberCount}</Td>
                {matrix.permissions.map((p) => (
                  <Td key={p} className="text-center">
                    {r.permissions.includes(p) ? (
                      <Check className="mx-auto h-4 w-4 text-green-600" aria-label={t("granted")} />
                    ) : (
                      <span className="text-slate-300" aria-label={t("notGranted")}>·</span>
                    )}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </TableContainer>
    </div>
  );
}
