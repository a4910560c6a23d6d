import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { calendarDay } from "../errors/calendar";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { logger } from "../log/logger";
import { now } from "../workflow/clock";
import { runJobNow } from "../workflow/jobs/run-job-now";
import { visibleCustomer } from "./customer-scope";
import { shanghaiToday } from "./shanghai-day";

const LOG_KINDS = ["visit", "call", "meeting", "email"] as const;

/** The follow-up reminder flow (processes/customer-follow-up.bpmn) and the job that starts it. */
export const FOLLOW_UP = { key: "customer_follow_up", job: "crm.startFollowUp" } as const;

const contactLogInput = z.object({
  customerId: z.string().trim().max(40),
  kind: z.enum(LOG_KINDS, { message: "validation.required" }),
  note: z.string().trim().min(1, "validation.required").max(2000),
  /** The day of the contact when it was not today (a call yesterday); never in the future. */
  on: calendarDay().nullish().or(z.literal("")).transform((v) => v || null),
  nextFollowUp: calendarDay().nullish().or(z.literal("")).transform((v) => v || null),
  latitude: z.coerce.number().min(-90).max(90).nullish().catch(null),
  longitude: z.coerce.number().min(-180).max(180).nullish().catch(null),
  /** The position's accuracy radius in metres, as the browser reports it. */
  accuracy: z.coerce.number().min(0).max(100_000).nullish().catch(null),
});
export type ContactLogInput = z.input<typeof contactLogInput>;

/** Where the contact was logged: both coordinates or none (a half position is no position). */
function position(input: { latitude?: number | null; longitude?: number | null; accuracy?: number | null }) {
  if (input.latitude == null || input.longitude == null) return { latitude: null, longitude: null, accuracy: null };
  return { latitude: input.latitude, longitude: input.longitude, accuracy: input.accuracy ?? null };
}

/**
 * A contact logged with a customer (CRM-2, CRM-10) by anyone who sees it: the log, the
 * customer's last contact, the audit row and, with a next follow-up day (today or later),
 * the job that starts the follow-up reminder, all in one transaction. The reminder is a
 * task in the owner's inbox on that day, 09:00 Shanghai time (a durable timer).
 */
export async function logCustomerContact(db: Db, who: Actor | null, raw: ContactLogInput, tx?: Tx) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(contactLogInput, raw);
  const today = shanghaiToday();
  if (input.on && input.on > today) throw new AppError("validation", { fieldErrors: { on: "validation.date_in_future" } });
  if (input.nextFollowUp && input.nextFollowUp < today) throw new AppError("validation", { fieldErrors: { nextFollowUp: "validation.date_in_past" } });
  const write = async (t: Tx) => {
    const customer = await visibleCustomer(t, actor, input.customerId, { id: true, lastContactAt: true });
    const at = input.on && input.on < today ? new Date(`${input.on}T10:00:00+08:00`) : now();
    const log = await t.customerLog.create({
      data: { customerId: customer.id, kind: input.kind, note: input.note, at, byId: actor.id, nextFollowUpAt: input.nextFollowUp ? new Date(`${input.nextFollowUp}T09:00:00+08:00`) : null, ...position(input) },
      select: { id: true, at: true, nextFollowUpAt: true },
    });
    if (!customer.lastContactAt || customer.lastContactAt < at) await t.customer.update({ where: { id: customer.id }, data: { lastContactAt: at } });
    const jobKey = log.nextFollowUpAt ? `${FOLLOW_UP.job}:${log.id}` : null;
    if (jobKey) await t.job.create({ data: { kind: FOLLOW_UP.job, idempotencyKey: jobKey, payload: { logId: log.id } } });
    await writeAudit(t, actor, { action: "customer.contact_logged", entity: "Customer", entityId: customer.id, after: { logId: log.id, kind: input.kind, nextFollowUp: input.nextFollowUp, located: input.latitude != null } });
    return { log, jobKey };
  };
  // Inside the follow-up flow's step the caller's transaction is used; the job then runs from the worker.
  if (tx) return (await write(tx)).log;
  const { log, jobKey } = await db.$transaction(write);
  if (jobKey) await runJobNow(db, jobKey).catch((e) => logger.warn({ err: e, logId: log.id }, "follow-up reminder not started now; the job worker will"));
  return log;
}
