import { expect, test, type Locator } from "@playwright/test";
import { employeePage, openDialog } from "./support/admin-pages";
import { zh } from "./support/messages";
import { callServerAction, findServerAction } from "./support/server-actions";

// Decentralised administration: what a department administrator may grant, in the UI and at the server action.

// What a department administrator may hand out (lib/org/role-catalog.ts DELEGABLE_ROLES), by their Chinese names.
const DELEGABLE_ROLE_LABELS = ["采购员", "质检员", "仓管员", "销售代表", "工程师", "财务"];

test("a department administrator cannot give himself process_owner, and is offered only delegable roles and his department's group", async ({ browser, baseURL }) => {
  const liuyang = await employeePage(browser, "liuyang");
  await liuyang.goto("/admin/employees");
  const roles = (dialog: Locator) => dialog.getByRole("group", { name: zh("admin.employees.roles") });
  const groups = (dialog: Locator) => dialog.getByRole("group", { name: zh("admin.employees.groups") });
  const offered = async (box: Locator) => (await box.locator("label:has(input:not([disabled]))").allTextContents()).map((t) => t.trim()).sort();

  // His own record: his roles and groups are shown greyed out, process owner is not even offered.
  const own = liuyang.getByRole("dialog", { name: zh("admin.employees.edit", { name: "刘洋" }) });
  await openDialog(liuyang.getByTestId("employee-liuyang").getByRole("button", { name: `${zh("common.edit")} 刘洋` }), own);
  await expect(own.getByTestId("employee-own-access")).toHaveText(zh("admin.employees.ownAccessLocked"));
  await expect(roles(own).getByRole("checkbox", { name: "流程负责人", exact: true })).toHaveCount(0);
  await expect(own.getByRole("checkbox", { disabled: false })).toHaveCount(0);
  await expect(roles(own).getByRole("checkbox", { name: "采购主管", exact: true })).toBeChecked();
  // Saving his own details still works; the request it sends is the one replayed below.
  const sent = liuyang.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await own.getByTestId("employee-save").click();
  await expect(own).toBeHidden();
  const [payload] = JSON.parse((await sent).postData() ?? "[]") as [{ id: string; roles: string[]; groups: string[] }];
  expect(payload.roles.sort()).toEqual(["buyer_lead", "dept_admin"]);

  // A buyer of his: exactly the delegable roles, and only the purchasing group.
  const lina = liuyang.getByRole("dialog", { name: zh("admin.employees.edit", { name: "李娜" }) });
  await openDialog(liuyang.getByTestId("employee-lina").getByRole("button", { name: `${zh("common.edit")} 李娜` }), lina);
  expect(await offered(roles(lina))).toEqual([...DELEGABLE_ROLE_LABELS].sort());
  for (const label of ["流程负责人", "经理", "采购主管", "系统管理员", "部门管理员", "销售主管"]) {
    await expect(roles(lina).getByRole("checkbox", { name: label, exact: true })).toHaveCount(0);
  }
  expect(await offered(groups(lina))).toEqual(["采购组"]);
  await expect(groups(lina).getByRole("checkbox", { name: "质检组", exact: true })).toHaveCount(0);
  await lina.getByRole("button", { name: zh("common.cancel"), exact: true }).click();
  await expect(lina).toBeHidden();

  // The server decides, whatever the page offers: the action called directly is refused.
  const action = findServerAction("app/(workbench)/admin/employees/actions.ts", "updateEmployeeAction");
  const call = await callServerAction(liuyang.request, new URL(baseURL!).origin, action, [{ ...payload, roles: [...payload.roles, "process_owner"] }]);
  expect(call.result, call.body).toMatchObject({ ok: false, error: { code: "grant_own_access", message: zh("errors.grant_own_access") } });
  await liuyang.reload();
  await expect(liuyang.getByTestId("employee-liuyang")).not.toContainText("流程负责人");
  await liuyang.context().close();
});
