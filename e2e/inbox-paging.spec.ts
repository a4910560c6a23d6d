import { expect, test } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { zh } from "./support/messages";

/*
 * Paging in the inbox. The page of tasks renders first; its total and the page
 * count stream in after it (countTasks), and "next" follows from the page
 * itself (one row read past it). huangting (finance) starts nothing in the
 * other journeys, so "started by me" holds exactly the six started here.
 */
test("six started requisitions page 5 + 1, with the streamed total, in the inbox and its API", async ({ page }) => {
  await signInEmployee(page, "huangting");
  for (let i = 1; i <= 6; i++) {
    await page.goto("/inbox/start?key=purchase_requisition");
    await page.locator("#start-title").fill(`E2E 分页 ${i}`);
    await page.locator("#start-amount").fill(String(100 * i));
    await page.getByTestId("start-submit").click();
    await expect(page.getByTestId("started-business-key")).toBeVisible();
  }

  await page.goto("/inbox?view=started&size=5&sort=createdAt&dir=asc");
  await expect(page.getByTestId("task-row")).toHaveCount(5);
  await expect(page.getByTestId("task-total")).toHaveText(zh("common.total", { count: 6 }));
  await expect(page.getByTestId("task-page")).toHaveText(zh("common.pageOf", { page: 1, pages: 2 }));
  await expect(page.getByTestId("task-row").first()).toContainText("E2E 分页 1");

  await page.getByTestId("next-page").click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("task-row")).toHaveCount(1);
  await expect(page.getByTestId("task-row")).toContainText("E2E 分页 6");
  await expect(page.getByTestId("task-page")).toHaveText(zh("common.pageOf", { page: 2, pages: 2 }));
  await expect(page.getByTestId("next-page")).toBeDisabled();
  await page.getByRole("button", { name: zh("common.previous") }).click();
  await expect(page.getByTestId("task-row")).toHaveCount(5);

  // The API gives the page and the pager's figures together.
  const api = async (query: string) => (await page.request.get(`/api/workflow/tasks?${query}`)).json();
  const first = await api("view=started&size=5&sort=createdAt&dir=asc");
  expect({ n: first.items.length, hasNext: first.hasNext, total: first.total, capped: first.totalCapped, pages: first.pages }).toEqual({ n: 5, hasNext: true, total: 6, capped: false, pages: 2 });
  const second = await api("view=started&size=5&sort=createdAt&dir=asc&page=2");
  expect({ n: second.items.length, hasNext: second.hasNext, title: second.items[0].subject }).toEqual({ n: 1, hasNext: false, title: "E2E 分页 6" });
  // A page past the end (an old link) is empty, says how many pages there are, and is not an error.
  await page.goto("/inbox?view=started&size=5&page=9");
  await expect(page.getByTestId("task-row")).toHaveCount(0);
  await expect(page.getByTestId("task-page")).toHaveText(zh("common.pageOf", { page: 9, pages: 2 }));
  await expect(page.getByTestId("next-page")).toBeDisabled();
});
