import { expect, test, type Cookie } from "@playwright/test";
import { signInEmployee, signOut } from "./support/auth";

// Sign-out ends every session of the account on the server, so this spec signs
// in with an account no other spec uses (specs run side by side on one database).
const USER = "zhoujie";

test("after sign-out the copied session cookie opens nothing: pages send to the sign-in, the API answers 401", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signInEmployee(page, USER);
  const session: Cookie[] = (await context.cookies()).filter((c) => c.name.includes("next-auth.session-token"));
  expect(session.length).toBeGreaterThan(0);

  // The copy works while the session is alive (so the replay below is a fair test).
  const replay = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await replay.addCookies(session);
  const thief = await replay.newPage();
  await thief.goto("/inbox");
  await expect(thief).toHaveURL((url) => url.pathname === "/inbox");
  expect((await thief.request.get("/api/workflow/tasks")).status()).toBe(200);

  await signOut(page, "employee");
  await context.close();

  // The same cookie, still within its 8 hours, after the owner signed out.
  await thief.goto("/inbox");
  await expect(thief).toHaveURL((url) => url.pathname === "/login");
  await expect(thief.getByTestId("welcome")).toHaveCount(0);
  const api = await thief.request.get("/api/workflow/tasks");
  expect(api.status()).toBe(401);
  await replay.close();

  // The owner signs in again and works normally.
  const again = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
  await signInEmployee(again, USER);
  expect((await again.request.get("/api/workflow/tasks")).status()).toBe(200);
  await again.context().close();
});
