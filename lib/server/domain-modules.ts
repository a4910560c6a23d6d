import "server-only";
import { crmModule } from "../crm/crm-module";
import { erpModule } from "../erp/erp-module";
import { srmModule } from "../srm/srm-module";
import { workflowBuiltins } from "../workflow/builtin-module";
import { installModules, type DomainModule } from "../workflow/registry";

/**
 * The composition root: every domain the product is made of, installed into the
 * workflow platform once, before anything runs (instrumentation.ts at server
 * boot, the test set-up, the command-line scripts). A new domain is one line here.
 */
export const DOMAIN_MODULES: readonly DomainModule[] = [workflowBuiltins, erpModule, srmModule, crmModule];

export function installDomainModules() {
  installModules(DOMAIN_MODULES);
}
