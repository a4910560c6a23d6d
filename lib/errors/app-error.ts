/**
 * Expected failures carry a code; the UI shows the translated message for it
 * (messages: errors.<code>). Anything else is logged and shown generically.
 */
export const APP_ERROR_CODES = [
  "unauthenticated",
  "forbidden",
  "not_found",
  "validation",
  "conflict",
  "duplicate",
  "invalid_credentials",
  "account_inactive",
  "throttled",
  "file_too_large",
  "file_type_not_allowed",
  "file_empty",
  "department_cycle",
  "department_not_empty",
  "last_admin",
  "bpmn_invalid",
  "task_closed",
  "task_not_yours",
  "no_waiting_message",
  "job_not_failed",
  "process_not_found",
  "process_not_startable",
  "step_limit",
  "business_key_taken",
  "request_too_large",
  "erp_unavailable",
  "supplier_already_active",
  "supplier_not_active",
  "purchase_order_from_erp",
  "supplier_review_not_possible",
  "supplier_re_review_not_possible",
  "supplier_documents_missing",
  "grant_own_access",
  "role_not_delegable",
  "group_not_delegable",
  "password_not_delegable",
  "account_pending",
  "form_not_found",
  "form_schema_invalid",
  "form_key_taken",
  "form_unchanged",
  "custom_field_key_taken",
  "custom_field_unknown",
  "password_change_required",
  "own_account",
  "last_supplier_admin",
  "supplier_change_empty",
  "supplier_change_pending",
  "customer_duplicate",
  "customer_credit_code_taken",
  "customer_merge_refused",
  "supplier_blocked",
  "customer_stage_invalid",
  "lead_closed",
  "lead_not_yours",
  "opportunity_review_closed",
  "opportunity_review_not_needed",
  "opportunity_review_no_lines",
  "opportunity_review_running",
  "opportunity_review_typed_lines",
  "opportunity_review_cost_missing",
  "opportunity_review_no_reviewer",
  "opportunity_review_approved",
  "opportunity_review_finished",
  "opportunity_not_yours",
  "opportunity_lead_not_converted",
  "opportunity_lead_taken",
  "opportunity_review_required",
  "requirement_review_not_possible",
  "contract_state",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Values interpolated into the translated message, e.g. { seconds: 60 }. */
  readonly params: Record<string, string | number>;
  /** Per-field message codes for forms (validation errors). */
  readonly fieldErrors: Record<string, string>;
  /** Structured details a screen can show, e.g. the lint problems of a refused diagram. */
  readonly details?: unknown;

  constructor(
    code: AppErrorCode,
    opts: { params?: Record<string, string | number>; fieldErrors?: Record<string, string>; details?: unknown; cause?: unknown } = {},
  ) {
    super(code, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.params = opts.params ?? {};
    this.fieldErrors = opts.fieldErrors ?? {};
    this.details = opts.details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === "object" && e !== null && (e as { name?: string }).name === "AppError");
}

/** Prisma's unique-constraint violation, turned into a domain error. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}
