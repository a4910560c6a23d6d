import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dbKinds, freshDb } from "@/test/db";

// A portal user whose password someone else chose, through the real session chain
// (next-auth's decoded session -> loadSessionActor -> currentActor / the guards): pages
// send it to the password change, actions and the workflow API refuse it with a
// translated error, the password change itself goes through.
const ctx = vi.hoisted(() => ({ session: null as Record<string, unknown> | null, db: null as unknown }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: async () => ctx.session }));
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db/client")>()), getDb: async () => ctx.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }) }));
// The setup file loaded the auth modules before these mocks: load them again, so that the
// actor loading reads the test's database (the domain modules stay installed, process-wide).
vi.resetModules();
const { GET: listTasks } = await import("@/app/api/workflow/tasks/route");
const { markAllPortalNotificationsReadAction } = await import("@/app/portal/(app)/tasks/actions");
const { changePasswordAction } = await import("@/app/portal/(app)/password/actions");
const { supplierOrRedirect, supplierSessionOrRedirect, supplierAdminOrForbidden } = await import("@/lib/auth/guards");
const { createSupplierUser } = await import("@/lib/srm/supplier-accounts");
const { signIn } = await import("@/lib/auth/sign-in");
const { seedDemo } = await import("@/lib/demo/seed");
const { employee } = await import("@/test/workflow-fixtures");

const kinds = await dbKinds();

/** The digest Next.js gives the error thrown by redirect() / forbidden(). */
const digest = (p: Promise<unknown>) => p.then(() => "no interruption", (e: { digest?: string }) => e.digest ?? String(e));

describe.each(kinds)("a password change that is due, on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  const signInAs = async (username: string, password: string) => {
    const s = await signIn(opened.db, { realm: "supplier", username, password, ip: "10.8.0.1" });
    ctx.session = { realm: "supplier", userId: s.id, sessionVersion: s.sessionVersion, sid: randomUUID() };
  };

  beforeAll(async () => {
    opened = await freshDb(kind);
    ctx.db = opened.db;
    await seedDemo(opened.db);
    const s002 = await opened.db.supplier.findUniqueOrThrow({ where: { code: "S002" } });
    await createSupplierUser(opened.db, await employee(opened.db, "liuyang"), { supplierId: s002.id, username: "due-user", name: "待改密", password: "Given@2026" });
  });
  afterAll(() => opened?.close());

  it("pages send the user to /portal/password; the frame and the password page let it in", async () => {
    await signInAs("due-user", "Given@2026");
    expect(await digest(supplierOrRedirect())).toMatch(/^NEXT_REDIRECT;replace;\/portal\/password;307;/);
    expect(await digest(supplierAdminOrForbidden())).toMatch(/^NEXT_REDIRECT;replace;\/portal\/password;/);
    await expect(supplierSessionOrRedirect()).resolves.toMatchObject({ username: "due-user", mustChangePassword: true });
  });

  it("the workflow API answers 403 with the translated reason; portal actions are refused the same way", async () => {
    await signInAs("due-user", "Given@2026");
    const res = await listTasks(new Request("http://localhost/api/workflow/tasks?view=mine"), undefined);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toEqual({ code: "password_change_required", message: "请先修改初始密码，然后才能继续使用门户。" });
    expect(await markAllPortalNotificationsReadAction({})).toEqual({ ok: false, error: { code: "password_change_required", message: "请先修改初始密码，然后才能继续使用门户。", fieldErrors: {} } });
  });

  it("the password change action goes through with per-field errors first; afterwards the same session works", async () => {
    await signInAs("due-user", "Given@2026");
    const refused = await changePasswordAction({ currentPassword: "Given@2026", newPassword: "short", repeatPassword: "short" });
    expect(refused).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { newPassword: "密码至少需要 8 个字符。" } } });
    const done = await changePasswordAction({ currentPassword: "Given@2026", newPassword: "Mine2026ok", repeatPassword: "Mine2026ok" });
    expect(done).toEqual({ ok: true, data: { changed: true } });
    // The token as re-issued: the account's new version, the same session id.
    const version = (await opened.db.supplierUser.findUniqueOrThrow({ where: { username: "due-user" } })).sessionVersion;
    ctx.session = { ...ctx.session, sessionVersion: version };
    await expect(supplierOrRedirect()).resolves.toMatchObject({ username: "due-user", mustChangePassword: false });
    expect((await listTasks(new Request("http://localhost/api/workflow/tasks?view=mine"), undefined)).status).toBe(200);
    expect(await markAllPortalNotificationsReadAction({})).toMatchObject({ ok: true });
  });

  it("a portal user who is no supplier administrator gets the 403 page for the colleagues' accounts", async () => {
    await signInAs("due-user", "Mine2026ok");
    // next.config.js turns authInterrupts on; Next.js tells forbidden() so through this variable.
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    expect(await digest(supplierAdminOrForbidden())).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;403/);
  });
});
