import { expect, type Page } from "@playwright/test";

export type NewSupplier = { code: string; name: string; tax: string; term: string; contact: string };

/** Registers a supplier through the form and waits for its archive page; returns its address. */
export async function register(page: Page, s: NewSupplier) {
  await page.goto("/srm/suppliers/new");
  await page.locator("#reg-code").fill(s.code);
  await page.locator("#reg-name").fill(s.name);
  await page.locator("#reg-taxCode").selectOption(s.tax);
  await page.locator("#reg-paymentTermCode").selectOption(s.term);
  await page.locator("#reg-contactName").fill(s.contact);
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/srm\/suppliers\/[0-9a-f-]{36}$/);
  return page.url();
}

/** Opens the group task of a business key from the inbox; `name` is the step's title. */
export async function openGroupTask(page: Page, businessKey: string, name: string) {
  await page.goto(`/inbox?view=group&q=${encodeURIComponent(businessKey)}`);
  const row = page.getByTestId("task-row").filter({ hasText: businessKey }).filter({ hasText: name });
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText(name);
}

export type EntryLine = { product: string; quantity: string; price: string };

/** Fills the buyer's order entry (already open) for S001: one entry line per given line, all due on `due`; does not submit. */
export async function fillOrderEntry(page: Page, supplierLabel: string, lines: EntryLine[], due: string) {
  await page.getByTestId("order-entry-form").locator("#po-supplier").selectOption({ label: supplierLabel });
  const rows = page.getByTestId("entry-line");
  for (let i = 1; i < lines.length; i++) await page.getByTestId("add-line").click();
  await expect(rows).toHaveCount(lines.length);
  for (const [i, l] of lines.entries()) {
    const row = rows.nth(i);
    await row.getByTestId("line-product").selectOption(l.product);
    await row.getByTestId("line-quantity").fill(l.quantity);
    await row.getByTestId("line-price").fill(l.price);
    await row.getByTestId("line-date").fill(due);
  }
  return rows;
}
