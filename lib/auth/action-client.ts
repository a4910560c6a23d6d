import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getDb, type Db } from "../db/client";
import { parseInput } from "../errors/parse-input";
import { translateError } from "../errors/translate-error";
import { logger } from "../log/logger";
import type { EmployeeActor, SupplierActor } from "./actor";
import { requireEmployee, requirePermission, requireSupplierSession, requireSupplierUser, type Permission } from "./permissions";
import { currentActor, sessionActor } from "./session";

export type ActionError = { code: string; message: string; fieldErrors?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** Turns any thrown value into a translated result; unexpected errors are logged, never shown. */
async function toActionError(e: unknown): Promise<ActionError> {
  const { expected, ...error } = translateError(e, await getTranslations());
  if (!expected) logger.error({ err: e }, "unexpected error in server action");
  return error;
}

async function run<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    return { ok: false, error: await toActionError(e) };
  }
}

/** Actions for anyone (sign-in helpers, locale switch). Input still validated. */
export function publicAction<S extends z.ZodType, T>(schema: S, fn: (input: z.infer<S>, db: Db) => Promise<T>) {
  return async (input: unknown): Promise<ActionResult<T>> => run(async () => fn(parseInput(schema, input), await getDb()));
}

/** Employee realm only; with a permission, only roles that hold it. */
export function employeeAction<S extends z.ZodType, T>(
  permission: Permission | null,
  schema: S,
  fn: (input: z.infer<S>, ctx: { actor: EmployeeActor; db: Db }) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    run(async () => {
      const who = await currentActor();
      const actor = permission ? requirePermission(who, permission) : requireEmployee(who);
      return fn(parseInput(schema, input), { actor, db: await getDb() });
    });
}

/**
 * Supplier-portal realm only; the tenant comes from the session, never from input.
 * While a password change is due every one is refused, except the one that makes it
 * (`whilePasswordChangeDue: "allowed"`).
 */
export function supplierAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.infer<S>, ctx: { actor: SupplierActor; db: Db }) => Promise<T>,
  opts: { whilePasswordChangeDue?: "allowed" } = {},
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    run(async () => {
      const actor = opts.whilePasswordChangeDue === "allowed" ? requireSupplierSession(await sessionActor()) : requireSupplierUser(await currentActor());
      return fn(parseInput(schema, input), { actor, db: await getDb() });
    });
}
