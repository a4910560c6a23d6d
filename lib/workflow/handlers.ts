import "server-only";
import { registerServiceHandler } from "./service-registry";
import "../erp/service-handlers";
import "../srm/service-handlers";

// The product's built-in service handlers. Each names itself in BPMN as ff:handler="...".
registerServiceHandler({
  name: "ledger.record",
  labelZh: "记录到集成台账",
  labelEn: "Record in the integration ledger",
  async run({ db, idempotencyKey, instanceId, businessKey, elementId, variables }) {
    await db.integrationLedger.createMany({
      data: [{ idempotencyKey, handler: "ledger.record", instanceId, businessKey, payload: { elementId, variables } as object }],
      skipDuplicates: true,
    });
    return { ledgerRecorded: true };
  },
});
