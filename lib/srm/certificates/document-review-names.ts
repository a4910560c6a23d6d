// Names shared by the document review's flow, its start job and the sweep; a leaf module
// (the job registry and the modules that queue jobs import each other in a cycle).
export const DOCUMENT_REVIEW = { key: "supplier_document_review", job: "srm.startDocumentReview" } as const;
export const CERTIFICATE_SWEEP_JOB = "srm.certificateSweep";
export const CERTIFICATE_REMINDER_JOB = "srm.certificateReminder";
