import "server-only";
import { REJECTION_NEEDS_REASON } from "./forms";
import type { DomainModule } from "./registry";

/**
 * The platform's own forms and handlers, which any process may use whatever its
 * domain: the generic approval (decision plus comment; a rejection needs a reason)
 * and the integration-ledger record.
 */
export const workflowBuiltins: DomainModule = {
  name: "workflow",
  forms: [
    {
      key: "approval",
      titleZh: "审批",
      titleEn: "Approval",
      fields: [
        { name: "decision", type: "decision", labelZh: "审批意见", labelEn: "Decision", required: true },
        { name: "comment", type: "textarea", labelZh: "说明", labelEn: "Comment" },
      ],
      rules: [REJECTION_NEEDS_REASON],
    },
  ],
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
