import { expect, type Page } from "@playwright/test";

/** Nothing on the page is wider than the viewport: no clipped column, no sideways scroll. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("main *")].filter((el) => el.getBoundingClientRect().right > width + 1).map((el) => `${el.tagName}.${el.getAttribute("data-testid") ?? ""}`);
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
  expect(overflow).toEqual({ scroll: 0, wide: [] });
}
