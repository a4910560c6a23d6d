import { expect, test } from "@playwright/test";
import { signInSupplier } from "./support/auth";
import { SUPPLIERS } from "./support/demo";
import { zh } from "./support/messages";

test("supplier1 signs in to the portal and sees its own company only", async ({ page }) => {
  const me = SUPPLIERS.supplier1;
  await page.goto("/portal/login");
  await expect(page.getByRole("heading", { name: zh("auth.supplierTitle") })).toBeVisible();
  await signInSupplier(page, "supplier1");

  await expect(page.getByTestId("portal-welcome")).toHaveText(zh("portal.welcome", { name: me.user }));
  await expect(page.getByText(zh("portal.isolation", { supplier: me.company }))).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(`${me.user} · ${me.company}`);
  await expect(page.getByText(SUPPLIERS.supplier2.company)).toHaveCount(0);

  const nav = page.locator("aside nav");
  for (const key of ["nav.portalHome", "nav.portalTasks", "nav.portalAccount"]) {
    await expect(nav.getByRole("link", { name: zh(key), exact: true })).toBeVisible();
  }
  // None of the employee navigation, by label or by address.
  for (const key of ["nav.home", "nav.inbox", "nav.srm", "nav.crm", "nav.processes", "nav.reports", "nav.admin"]) {
    await expect(page.getByRole("link", { name: zh(key), exact: true })).toHaveCount(0);
  }
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  // The portal's own pages, and its documents through the file route (which checks the realm and the owner).
  expect(hrefs.filter((h) => h.startsWith("/") && !h.startsWith("/portal") && !h.startsWith("/api/files/"))).toEqual([]);

  await page.locator("aside nav").getByRole("link", { name: zh("nav.portalAccount"), exact: true }).click();
  await expect(page.getByTestId("portal-username")).toHaveText("supplier1");
  await expect(page.getByTestId("portal-supplier")).toHaveText(me.company);
});
