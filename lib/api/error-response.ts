import "server-only";
import { getTranslations } from "next-intl/server";
import { isAppError, type AppErrorCode } from "../errors/app-error";
import { fieldMessage } from "../errors/translate-error";
import { logger } from "../log/logger";

const STATUS: Partial<Record<AppErrorCode, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  file_empty: 400,
  file_too_large: 413,
  request_too_large: 413,
  file_type_not_allowed: 415,
  conflict: 409,
  duplicate: 409,
  business_key_taken: 409,
  throttled: 429,
  task_closed: 409,
  task_not_yours: 403,
  no_waiting_message: 404,
  process_not_found: 404,
  process_not_startable: 403,
  step_limit: 422,
  bpmn_invalid: 422,
  erp_unavailable: 502,
  password_change_required: 403,
  own_account: 409,
  last_supplier_admin: 409,
};

type ErrorBody = { error: { code: string; message: string; fieldErrors?: Record<string, string>; details?: unknown } };

/**
 * The one HTTP answer for a thrown value. AppErrors become { error: { code, message } }
 * with the translated message (the caller's NEXT_LOCALE cookie, else zh-CN) and the
 * status of their code; anything else is logged and answered with the generic
 * message and `unexpectedStatus` (500 unless the route says otherwise), never with
 * its own text or stack.
 */
export async function errorResponse(e: unknown, what: string, opts: { unexpectedStatus?: number } = {}): Promise<Response> {
  const t = await getTranslations();
  if (isAppError(e)) {
    const body: ErrorBody = { error: { code: e.code, message: t(`errors.${e.code}`, e.params) } };
    if (e.details !== undefined) body.error.details = e.details;
    const fields = Object.entries(e.fieldErrors);
    if (fields.length > 0) {
      body.error.fieldErrors = Object.fromEntries(fields.map(([k, code]) => [k, fieldMessage(t, code, e.params)]));
    }
    return Response.json(body, { status: STATUS[e.code] ?? 400 });
  }
  logger.error({ err: e }, what);
  const body: ErrorBody = { error: { code: "internal", message: t("errors.internal") } };
  return Response.json(body, { status: opts.unexpectedStatus ?? 500 });
}
