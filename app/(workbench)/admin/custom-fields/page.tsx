import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { CustomFieldsView } from "@/components/admin/custom-fields-view";
import { PageHeader } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { CUSTOM_FIELD_ENTITIES, type CustomFieldEntity } from "@/lib/custom-fields/custom-fields.schema";
import { listCustomFields } from "@/lib/custom-fields/list-custom-fields";
import { getDb } from "@/lib/db/client";

/** The custom fields of one record type (?entity=, suppliers first): order, add, edit, switch off or on. */
export default async function CustomFieldsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("org.manage");
  const asked = (await searchParams).entity;
  const entity: CustomFieldEntity = CUSTOM_FIELD_ENTITIES.find((e) => e === asked) ?? CUSTOM_FIELD_ENTITIES[0];
  const [t, fields] = await Promise.all([getTranslations("customFields"), listCustomFields(await getDb(), actor, entity)]);
  const tabs = CUSTOM_FIELD_ENTITIES.map((e) => ({
    href: listHref("/admin/custom-fields", { entity: e === CUSTOM_FIELD_ENTITIES[0] ? null : e }),
    label: t(`entities.${e}`),
    active: e === entity,
  }));
  return (
    <div>
      <PageHeader title={t("title")} />
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <AdminTabs items={tabs} label={t("entitiesLabel")} />
      <CustomFieldsView entity={entity} fields={fields} />
    </div>
  );
}
