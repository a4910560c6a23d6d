import "server-only";
import { z } from "zod";
import type { ImportTarget } from "../imports/import-target";
import { customerImportTarget } from "./customer-import-target";
import { leadImportTarget } from "./leads/lead-import-target";

/** The CRM's importable records: the import pages name one, the actions resolve it here. */
export const crmImportTarget = z.enum(["customer", "lead"]);

export function importTargetOf(name: z.infer<typeof crmImportTarget>): ImportTarget<unknown> {
  return (name === "lead" ? leadImportTarget : customerImportTarget) as ImportTarget<unknown>;
}
