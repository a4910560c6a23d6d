import type { Locale } from "./locales";

/**
 * Messages are split by area so that each area owns its file:
 * messages/<area>.<locale>.json, merged at the top level ({ admin: {...}, ... }).
 * The core file (messages/<locale>.json) holds app-wide namespaces.
 */
const MESSAGE_AREAS = ["admin", "certificates", "contracts", "crash", "crm", "crmImport", "crmMerge", "customFields", "deliveryNote", "exports", "files", "forms", "inbox", "integration", "knowledge", "leads", "liaison", "opportunities", "opportunityReview", "portalAccount", "portalChanges", "portalPages", "processes", "receiving", "srm"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const core = (await import(`./messages/${locale}.json`)).default;
  const areas = await Promise.all(MESSAGE_AREAS.map(async (a) => (await import(`./messages/${a}.${locale}.json`)).default));
  return Object.assign({}, core, ...areas);
}
