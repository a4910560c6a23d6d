// The project's layer rules, checked by `npm test` (stage "dependency rules").
// A cycle between modules can make a production page fail for the life of the
// process when the bundler evaluates it from the wrong end; a lower layer that
// imports a higher one is how such cycles start.
const TEST = "(\\.test\\.tsx?$|^test/|^e2e/|^bench/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles between modules (static or dynamic).",
      from: { pathNot: "^lib/db/generated/" },
      to: { circular: true },
    },
    {
      name: "workflow-knows-no-domain",
      severity: "error",
      comment: "The engine core knows no domain: domains plug in through lib/server/domain-modules.ts.",
      from: { path: "^lib/workflow/", pathNot: TEST },
      to: { path: "^lib/(erp|srm|crm|inbox|process-admin|notify|server|demo|forms)/" },
    },
    {
      name: "db-knows-no-domain",
      severity: "error",
      comment: "lib/db builds the client and migrates; boot and seed live above it.",
      from: { path: "^lib/db/", pathNot: TEST },
      to: { path: "^lib/", pathNot: "^lib/(db|log)/" },
    },
    {
      name: "modules-only-from-the-root",
      severity: "error",
      comment: "Domain module descriptions are installed by the composition root only.",
      from: { pathNot: "^lib/server/domain-modules\\.ts$" },
      to: { path: "^lib/[^/]+/[a-z-]*-module\\.ts$", pathNot: "^lib/workflow/registry\\.ts$" },
    },
    {
      name: "lib-below-ui",
      severity: "error",
      comment: "lib/ is the domain and data layer; routes and components use it, never the other way.",
      from: { path: "^lib/", pathNot: TEST },
      to: { path: "^(app|components)/" },
    },
    {
      name: "erp-below-srm",
      severity: "error",
      comment: "Supplier management builds on the ERP integration, not the other way.",
      from: { path: "^lib/erp/", pathNot: TEST },
      to: { path: "^lib/(srm|crm)/" },
    },
    {
      name: "domains-below-screens",
      severity: "error",
      comment: "Domains do not depend on the inbox or the process designer's server code.",
      from: { path: "^lib/(erp|srm|crm|workflow|auth|db|org|files|audit)/", pathNot: TEST },
      to: { path: "^lib/(inbox|process-admin)/" },
    },
    {
      name: "only-workflow-runs-the-engine",
      severity: "error",
      comment: "Only lib/workflow imports bpmn-engine.",
      from: { pathNot: "^lib/workflow/" },
      to: { path: "node_modules/(bpmn-engine|bpmn-elements)/" },
    },
    {
      name: "only-erp-talks-to-tryton",
      severity: "error",
      comment: "Only lib/erp talks to an ERP.",
      from: { pathNot: "^(lib/erp/|test/|bench/)" },
      to: { path: "^lib/erp/tryton/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|^\\.next/|^\\.data/|^lib/db/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
