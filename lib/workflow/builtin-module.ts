import "server-only";
import type { DomainModule } from "./registry";

/**
 * The platform's own handlers, which any process may use whatever its domain: the
 * integration-ledger record. (Its generic approval form is processes/forms/approval.form.)
 */
export const workflowBuiltins: DomainModule = {
  name: "workflow",
  serviceHandlers: [
    {
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
    },
  ],
};
