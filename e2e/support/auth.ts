import { expect, type Page, type Response } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo";
import { en, zh } from "./messages";

export type Realm = "employee" | "supplier";

const LOGIN_PATH: Record<Realm, string> = { employee: "/login", supplier: "/portal/login" };
const HOME_PATH: Record<Realm, string> = { employee: "/", supplier: "/portal" };
const WELCOME_TESTID: Record<Realm, string> = { employee: "welcome", supplier: "portal-welcome" };

/**
 * Fills and sends the sign-in form of a realm (the page must show it) and
 * returns next-auth's answer, without waiting for any navigation.
 */
export async function submitSignIn(page: Page, realm: Realm, username: string, password: string): Promise<Response> {
  // The button is enabled once the form is hydrated; before that a submit would be a plain HTML post.
  await expect(page.locator('form button[type="submit"]')).toBeEnabled();
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  const answer = page.waitForResponse((r) => r.url().includes(`/api/auth/callback/${realm}`) && r.request().method() === "POST");
  await page.locator('form button[type="submit"]').click();
  return answer;
}

/** The error shown inside the sign-in form (Next's route announcer is also role=alert). */
export function signInError(page: Page) {
  return page.locator('form [role="alert"]');
}

async function signInThroughForm(page: Page, realm: Realm, username: string, password: string) {
  await page.goto(LOGIN_PATH[realm]);
  await submitSignIn(page, realm, username, password);
  await page.waitForURL((url) => url.pathname === HOME_PATH[realm]);
  await expect(page.getByTestId(WELCOME_TESTID[realm])).toBeVisible();
}

/** Signs an employee in at /login and waits for the workbench home. */
export async function signInEmployee(page: Page, username: string, password = DEMO_PASSWORD) {
  await signInThroughForm(page, "employee", username, password);
}

/** Signs a supplier-portal user in at /portal/login and waits for the portal home. */
export async function signInSupplier(page: Page, username: string, password = DEMO_PASSWORD) {
  await signInThroughForm(page, "supplier", username, password);
}

/** Matches a message in either language, exactly. */
export function anyLocale(key: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^(${escape(zh(key))}|${escape(en(key))})$`);
}

/** Uses the sign-out button of the shell and waits for the realm's sign-in page. */
export async function signOut(page: Page, realm: Realm) {
  // The label is in whichever language the user chose.
  await page.locator("header").getByRole("button", { name: anyLocale("nav.signOut") }).click();
  await page.waitForURL((url) => url.pathname === LOGIN_PATH[realm]);
}

/**
 * On /portal/password, while a password someone else chose is still in use: replaces it
 * and waits for the portal home.
 */
export async function replaceInitialPassword(page: Page, current: string, next: string) {
  await expect(page.getByTestId("password-save")).toBeEnabled();
  await page.locator("#pw-current").fill(current);
  await page.locator("#pw-new").fill(next);
  await page.locator("#pw-repeat").fill(next);
  await page.getByTestId("password-save").click();
  await page.waitForURL((url) => url.pathname === HOME_PATH.supplier);
  await expect(page.getByTestId(WELCOME_TESTID.supplier)).toBeVisible();
}
