import { expect, type Page } from "@playwright/test";
import { zh } from "./messages";

// Drives the BPMN editor (bpmn-js with the product's palette, context pad and panel) the way a process owner does.

/** Opens the editor of a process and waits until bpmn-js has imported the diagram and the live check has answered. */
export async function openEditor(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("bpmn-modeler")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect(page.getByTestId("editor-status")).not.toHaveText(zh("processes.editor.checking"));
}

/** Drags a task from the palette onto a sequence flow (bpmn-js splits the flow) and types its name in the label editor that opens. */
export async function dropTaskOnFlow(page: Page, flowId: string, name: string) {
  const flow = await page.locator(`.djs-connection[data-element-id="${flowId}"]`).boundingBox();
  const entry = await page.locator('.djs-palette [data-action="create.task"]').boundingBox();
  if (!flow || !entry) throw new Error("palette or flow not on screen");
  await page.mouse.move(entry.x + entry.width / 2, entry.y + entry.height / 2);
  await page.mouse.down();
  const target = { x: flow.x + flow.width * 0.55, y: flow.y + flow.height / 2 };
  await page.mouse.move(target.x - 40, target.y, { steps: 8 });
  await page.mouse.move(target.x, target.y, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.type(name);
}

/** Turns the selected task into a user task with the context pad's replace menu. */
export async function replaceWithUserTask(page: Page) {
  // The first click ends any label editing (the context pad is redrawn), the next opens the menu.
  const userTask = page.locator('.djs-popup [data-id="replace-with-user-task"]');
  await expect(async () => {
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await expect(userTask).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // Refused elements are not offered.
  await expect(page.locator('.djs-popup [data-id="replace-with-script-task"]')).toHaveCount(0);
  await userTask.click();
  await expect(page.getByTestId("bpmn-properties")).toContainText("用户任务");
}

/** Publishes the diagram and returns the version it became; the server checks it again, which with the whole suite running can take a while. */
export async function publish(page: Page): Promise<number> {
  const escaped = zh("processes.editor.published", { version: "VERSION" }).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^${escaped.replace("VERSION", "(\\d+)")}$`);
  const notice = page.getByTestId("editor-notice");
  await page.getByTestId("publish").click();
  // Read as it shows: a new process's editor moves to the process's own address right after.
  let text = "";
  await expect(async () => {
    text = (await notice.textContent({ timeout: 1000 })) ?? "";
    expect(text).toMatch(pattern);
  }).toPass({ timeout: 30_000 });
  return Number(pattern.exec(text)![1]);
}
