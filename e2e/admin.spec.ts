import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { replaceInitialPassword, signOut, submitSignIn } from "./support/auth";
import { SUPPLIERS } from "./support/demo";
import { zh } from "./support/messages";
import { DESKTOP, employeePage, openDialog } from "./support/admin-pages";

// One administrator's afternoon: the later tests look for what the earlier ones
// made (the new employee, the portal account, the group, their audit rows), so
// they run in order and stop at the first failure.
test.describe.configure({ mode: "serial" });

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const PHONE = { width: 390, height: 844 };

// Unique per run and per file: other specs run beside this one on the same database.
const stamp = Date.now().toString(36);
const NEW_EMPLOYEE = { username: `e2e.emp.${stamp}`, name: `测试员${stamp}`, password: `Welcome-${stamp}` };
const NEW_PORTAL_USER = { username: `e2e.s002.${stamp}`, name: `门户联系人${stamp}`, password: `Portal-${stamp}` };
const NEW_GROUP = { key: `e2e_grp_${stamp}`, nameZh: `测试组${stamp}`, nameEn: `E2E group ${stamp}` };
// The role and group the new employee gets: quality inspectors may open the SRM, nothing of the admin area.
const ROLE = { key: "quality", label: "质检员" };
const GROUP = { key: "quality", label: "质检组" };

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}



/** The error shown under one form field (Field renders the control and its error side by side). */
function fieldError(page: Page, controlId: string) {
  return page.locator(`#${controlId}`).locator("xpath=..").getByRole("alert");
}

/** "第 2 / 7 页" for page 2 of any number of pages. */
function pageOf(page: number): RegExp {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(escape(zh("common.pageOf", { page, pages: "PAGES" })).replace("PAGES", "\\d+"));
}

/**
 * Picks a filter of the audit log. With script a change submits the form at
 * once; a page that is not hydrated yet needs the form's own button.
 */
async function pickFilter(page: Page, select: Locator, label: string, landed: (url: URL) => boolean) {
  await select.selectOption({ label });
  try {
    await page.waitForURL(landed, { timeout: 3_000 });
  } catch {
    await page.getByTestId("audit-filters").getByRole("button", { name: zh("admin.list.filter"), exact: true }).click();
    await page.waitForURL(landed);
  }
}

function nav(page: Page, key: string) {
  return page.locator("aside nav").getByRole("link", { name: zh(key), exact: true });
}

test("an administrator creates an employee with a role and a group after a refused first try; the employee signs in and sees what the role allows", async ({ browser }) => {
  const admin = await employeePage(browser, "admin");
  await nav(admin, "nav.admin").click();
  await admin.waitForURL("**/admin");
  await admin.getByTestId("admin-sections").getByRole("link", { name: new RegExp(`^${zh("admin.cards.employees.title")}`) }).click();
  await admin.waitForURL("**/admin/employees");
  await expect(admin.getByRole("heading", { name: zh("admin.employees.title"), level: 1 })).toBeVisible();

  // Nobody of this run's name yet.
  await admin.goto(`/admin/employees?q=${stamp}`);
  const table = admin.getByTestId("employee-table");
  await expect(table.getByText(zh("admin.list.empty"))).toBeVisible();

  const dialog = admin.getByRole("dialog", { name: zh("admin.employees.new") });
  await openDialog(admin.getByTestId("employee-new"), dialog);
  // Spaces and "!" are not allowed in a username; 5 characters are too few for a password.
  await dialog.locator("#emp-username").fill(`E2E emp ${stamp}!`);
  await dialog.locator("#emp-name").fill(NEW_EMPLOYEE.name);
  await dialog.locator("#emp-password").fill("short");
  await dialog.getByTestId("employee-save").click();
  await expect(fieldError(admin, "emp-username")).toHaveText(zh("validation.username_format"));
  await expect(fieldError(admin, "emp-password")).toHaveText(zh("validation.password_too_short"));
  await expect(dialog.locator("#emp-username")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.locator("#emp-password")).toHaveAttribute("aria-invalid", "true");
  await expect(fieldError(admin, "emp-name")).toHaveCount(0);
  await expect(dialog.getByRole("alert").filter({ hasText: zh("errors.internal") })).toHaveCount(0);
  // Nothing was made: the dialog stays, and a fresh look at the list is still empty.
  await dialog.getByRole("button", { name: zh("common.cancel"), exact: true }).click();
  await expect(dialog).toBeHidden();
  await admin.reload();
  await expect(table.getByText(zh("admin.list.empty"))).toBeVisible();

  await openDialog(admin.getByTestId("employee-new"), dialog);
  await dialog.locator("#emp-username").fill(NEW_EMPLOYEE.username);
  await dialog.locator("#emp-name").fill(NEW_EMPLOYEE.name);
  await dialog.locator("#emp-email").fill(`${NEW_EMPLOYEE.username}@example.test`);
  // Options are indented by depth with ideographic spaces; pick by the department's name.
  const quality = await dialog.locator("#emp-department option", { hasText: "质量部" }).getAttribute("value");
  await dialog.locator("#emp-department").selectOption(quality!);
  await dialog.locator("#emp-password").fill(NEW_EMPLOYEE.password);
  await dialog.getByRole("group", { name: zh("admin.employees.roles") }).getByRole("checkbox", { name: ROLE.label, exact: true }).check();
  await dialog.getByRole("group", { name: zh("admin.employees.groups") }).getByRole("checkbox", { name: GROUP.label, exact: true }).check();
  await dialog.getByTestId("employee-save").click();
  await expect(dialog).toBeHidden();

  const row = admin.getByTestId(`employee-${NEW_EMPLOYEE.username}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(NEW_EMPLOYEE.name);
  await expect(row).toContainText("质量部");
  await expect(row).toContainText(ROLE.label);
  await expect(row).toContainText(GROUP.label);
  await expect(row).toContainText(zh("common.active"));
  await expect(admin.getByTestId("employee-total")).toHaveText(zh("common.total", { count: 1 }));
  await admin.context().close();

  // The new person signs in with the initial password and gets the quality inspector's workbench.
  const person = await employeePage(browser, NEW_EMPLOYEE.username, DESKTOP, NEW_EMPLOYEE.password);
  await expect(person.getByTestId("welcome")).toHaveText(zh("home.welcome", { name: NEW_EMPLOYEE.name }));
  const main = person.locator("main");
  await expect(main.getByText(ROLE.label, { exact: true })).toBeVisible();
  await expect(main.getByText(GROUP.label, { exact: true })).toBeVisible();
  await expect(main.getByText("质量部", { exact: true })).toBeVisible();
  await expect(nav(person, "nav.srm")).toBeVisible();
  for (const key of ["nav.admin", "nav.processes", "nav.integration", "nav.crm"]) await expect(nav(person, key)).toHaveCount(0);
  const srm = await person.goto("/srm");
  expect(srm?.status()).toBe(200);
  const refused = await person.goto("/admin/employees");
  expect(refused?.status()).toBe(403);
  await expect(person.getByTestId("forbidden")).toHaveText(zh("errors.forbiddenPage"));
  await person.goto("/");
  await signOut(person, "employee");
  await person.context().close();
});

test("an administrator opens a portal account for S002; it signs in to the portal and sees S002 only", async ({ browser }) => {
  const s1 = SUPPLIERS.supplier1;
  const s2 = SUPPLIERS.supplier2;
  const admin = await employeePage(browser, "admin");
  await admin.goto("/admin");
  await admin.getByTestId("admin-sections").getByRole("link", { name: new RegExp(`^${zh("admin.cards.supplierAccounts.title")}`) }).click();
  await admin.waitForURL("**/admin/supplier-accounts");
  await expect(admin.getByRole("heading", { name: zh("admin.supplierAccounts.title"), level: 1 })).toBeVisible();

  const dialog = admin.getByRole("dialog", { name: zh("admin.supplierAccounts.new") });
  await openDialog(admin.getByTestId("supplier-user-new"), dialog);
  await dialog.locator("#su-supplier").selectOption({ label: `S002 · ${s2.company}` });
  // A username that is taken (supplier1's) is refused on its field.
  await dialog.locator("#su-username").fill("supplier1");
  await dialog.locator("#su-name").fill(NEW_PORTAL_USER.name);
  await dialog.locator("#su-password").fill(NEW_PORTAL_USER.password);
  await dialog.getByTestId("supplier-user-save").click();
  await expect(fieldError(admin, "su-username")).toHaveText(zh("validation.taken"));
  await expect(dialog).toBeVisible();

  await dialog.locator("#su-username").fill(NEW_PORTAL_USER.username);
  await dialog.locator("#su-email").fill(`${NEW_PORTAL_USER.username}@example.test`);
  await dialog.getByTestId("supplier-user-save").click();
  await expect(dialog).toBeHidden();

  const row = admin.getByTestId(`supplier-user-${NEW_PORTAL_USER.username}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(NEW_PORTAL_USER.name);
  await expect(row).toContainText(zh("common.active"));
  // Listed under S002's heading row (rows are grouped by supplier).
  await expect(row.locator("xpath=preceding-sibling::tr[td[@colspan]][1]")).toContainText(`S002${s2.company}`);
  await admin.context().close();

  const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const portal = await context.newPage();
  // The administrator chose the password: the portal asks for the supplier's own first.
  await portal.goto("/portal/login");
  await submitSignIn(portal, "supplier", NEW_PORTAL_USER.username, NEW_PORTAL_USER.password);
  await portal.waitForURL((url) => url.pathname === "/portal/password");
  await replaceInitialPassword(portal, NEW_PORTAL_USER.password, `Own-${NEW_PORTAL_USER.password}9`);
  await expect(portal.getByTestId("portal-welcome")).toHaveText(zh("portal.welcome", { name: NEW_PORTAL_USER.name }));
  await expect(portal.getByText(zh("portal.isolation", { supplier: s2.company }))).toBeVisible();
  await expect(portal.getByTestId("current-user")).toHaveText(`${NEW_PORTAL_USER.name} · ${s2.company}`);
  await portal.locator("aside nav").getByRole("link", { name: zh("nav.portalAccount"), exact: true }).click();
  await expect(portal.getByTestId("portal-username")).toHaveText(NEW_PORTAL_USER.username);
  await expect(portal.getByTestId("portal-supplier")).toHaveText(s2.company);
  // S001 has an order waiting in its portal (demo seed); none of it shows here.
  for (const url of ["/portal", "/portal/account", "/portal/tasks"]) {
    await portal.goto(url);
    expect(await portal.content(), url).not.toContain(s1.company);
    expect(await portal.content(), url).not.toContain(s1.user);
  }
  // The account belongs to the portal realm: the admin area sends it to the employee sign-in.
  await portal.goto("/admin/supplier-accounts");
  await expect(portal).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("notice") === "wrongRealm");
  await expect(portal.getByTestId("supplier-user-table")).toHaveCount(0);
  await context.close();
});

test("an administrator creates a group and adds the new employee to it; both lists show it", async ({ browser }) => {
  const admin = await employeePage(browser, "admin");
  await admin.goto("/admin/groups");
  await expect(admin.getByRole("heading", { name: zh("admin.groups.title"), level: 1 })).toBeVisible();

  const dialog = admin.getByRole("dialog", { name: zh("admin.groups.new") });
  await openDialog(admin.getByTestId("group-new"), dialog);
  // A key with a space is refused before anything is saved.
  await dialog.locator("#group-key").fill(`e2e grp ${stamp}`);
  await dialog.locator("#group-name-zh").fill(NEW_GROUP.nameZh);
  await dialog.locator("#group-name-en").fill(NEW_GROUP.nameEn);
  await dialog.getByRole("button", { name: zh("common.save"), exact: true }).click();
  await expect(fieldError(admin, "group-key")).toHaveText(zh("validation.code_format"));
  await dialog.locator("#group-key").fill(NEW_GROUP.key);
  await dialog.getByRole("button", { name: zh("common.save"), exact: true }).click();
  await expect(dialog).toBeHidden();

  const row = admin.getByTestId(`group-${NEW_GROUP.key}`);
  await expect(row).toContainText(NEW_GROUP.nameZh);
  await expect(row).toContainText(NEW_GROUP.nameEn);
  await expect(row.locator("td").nth(2)).toHaveText("0");

  const members = admin.getByRole("dialog", { name: zh("admin.groups.membersTitle", { group: NEW_GROUP.nameZh }) });
  await openDialog(row.getByRole("button", { name: zh("admin.groups.membersTitle", { group: NEW_GROUP.nameZh }) }), members);
  await members.getByRole("searchbox", { name: zh("admin.groups.searchMembers") }).fill(stamp);
  const box = members.getByRole("checkbox", { name: `${NEW_EMPLOYEE.name} (${NEW_EMPLOYEE.username})` });
  await expect(members.getByRole("checkbox")).toHaveCount(1);
  await box.check();
  await expect(members.getByText(zh("admin.form.selected", { count: 1 }))).toBeVisible();
  await members.getByTestId("group-members-save").click();
  await expect(members).toBeHidden();
  await expect(row.locator("td").nth(2)).toHaveText("1");

  // The employee list shows the new membership next to the one given at creation.
  await admin.goto(`/admin/employees?q=${NEW_EMPLOYEE.username}`);
  const person = admin.getByTestId(`employee-${NEW_EMPLOYEE.username}`);
  await expect(person).toContainText(NEW_GROUP.nameZh);
  await expect(person).toContainText(GROUP.label);
  await admin.context().close();
});

test("the audit log shows what the steps above wrote, filtered through its form, and pages", async ({ browser }) => {
  const admin = await employeePage(browser, "admin");
  await admin.goto("/admin");
  await admin.getByTestId("admin-sections").getByRole("link", { name: new RegExp(`^${zh("admin.cards.audit.title")}`) }).click();
  await admin.waitForURL("**/admin/audit");
  await expect(admin.getByRole("heading", { name: zh("admin.audit.title"), level: 1 })).toBeVisible();
  const entries = admin.getByTestId("audit-entry");
  await expect(entries.first()).toBeVisible();
  const reset = admin.getByRole("link", { name: zh("admin.list.reset"), exact: true });
  await expect(reset).toHaveCount(0);

  // The demo seed alone writes more than a page: the pager links move through it.
  const pager = admin.getByRole("navigation").filter({ hasText: zh("common.previous") });
  await expect(pager).toContainText(pageOf(1));
  await expect(pager).not.toContainText(zh("common.pageOf", { page: 1, pages: 1 }));
  await expect(entries).toHaveCount(25);
  const firstOnPage1 = await entries.first().textContent();
  await pager.getByRole("link", { name: zh("common.next"), exact: true }).click();
  await admin.waitForURL((url) => url.pathname === "/admin/audit" && url.searchParams.get("page") === "2");
  await expect(pager).toContainText(pageOf(2));
  await expect(entries.first()).not.toHaveText(firstOnPage1 ?? "");
  await pager.getByRole("link", { name: zh("common.previous"), exact: true }).click();
  await admin.waitForURL((url) => url.pathname === "/admin/audit" && url.search === "");

  const filters = admin.getByTestId("audit-filters");
  const entity = filters.getByRole("combobox", { name: zh("admin.audit.entity") });
  const action = filters.getByRole("combobox", { name: zh("admin.audit.action") });

  // Employees, then their creation: the seed's people and the one made above.
  await pickFilter(admin, entity, zh("admin.audit.entities.Employee"), (url) => url.searchParams.get("entity") === "Employee");
  await expect(entity).toHaveValue("Employee");
  await pickFilter(admin, action, zh("admin.audit.actions.employee_create"), (url) => url.searchParams.get("entity") === "Employee" && url.searchParams.get("action") === "employee.create");
  await expect(action).toHaveValue("employee.create");
  await expect(entries.first()).toBeVisible();
  for (const text of await entries.allTextContents()) {
    expect(text).toContain(zh("admin.audit.actions.employee_create"));
    expect(text).toContain(zh("admin.audit.entities.Employee"));
  }
  const created = entries.filter({ hasText: NEW_EMPLOYEE.username });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText(`${zh("admin.audit.actor")}: 王磊 (admin)`);
  await created.getByText(zh("admin.audit.details"), { exact: true }).click();
  const after = created.locator("pre").nth(1);
  await expect(after).toBeVisible();
  const snapshot = JSON.parse((await after.textContent()) ?? "{}") as Record<string, unknown>;
  expect(snapshot).toMatchObject({ username: NEW_EMPLOYEE.username, name: NEW_EMPLOYEE.name, roles: [ROLE.key], groups: [GROUP.key] });
  expect(JSON.stringify(snapshot)).not.toContain(NEW_EMPLOYEE.password);

  // The reset link drops the filter.
  await reset.click();
  await admin.waitForURL((url) => url.pathname === "/admin/audit" && url.search === "");
  await expect(entity).toHaveValue("");
  await expect(action).toHaveValue("");
  await expect(reset).toHaveCount(0);

  // The portal account: created by the administrator, its password nowhere in the row.
  await pickFilter(admin, entity, zh("admin.audit.entities.SupplierUser"), (url) => url.searchParams.get("entity") === "SupplierUser");
  await pickFilter(admin, action, zh("admin.audit.actions.supplier_user_create"), (url) => url.searchParams.get("action") === "supplier_user.create");
  const portalRow = entries.filter({ hasText: NEW_PORTAL_USER.username });
  await expect(portalRow).toHaveCount(1);
  await expect(portalRow).toContainText(zh("admin.audit.entities.SupplierUser"));
  await expect(portalRow).toContainText(`${zh("admin.audit.actor")}: 王磊 (admin)`);
  expect(await portalRow.textContent()).not.toContain(NEW_PORTAL_USER.password);

  // The group: its creation and its new member.
  await reset.click();
  await admin.waitForURL((url) => url.pathname === "/admin/audit" && url.search === "");
  await pickFilter(admin, entity, zh("admin.audit.entities.Group"), (url) => url.searchParams.get("entity") === "Group" && !url.searchParams.get("action"));
  await expect(entries.filter({ hasText: NEW_GROUP.key })).toHaveCount(1);
  await expect(entries.filter({ hasText: NEW_GROUP.key })).toContainText(zh("admin.audit.actions.group_create"));
  await pickFilter(admin, action, zh("admin.audit.actions.group_members"), (url) => url.searchParams.get("entity") === "Group" && url.searchParams.get("action") === "group.members");
  await expect(entries.first()).toContainText(zh("admin.audit.actions.group_members"));
  for (const text of await entries.allTextContents()) expect(text).toContain(zh("admin.audit.actions.group_members"));

  await admin.context().close();
});

test("a buyer gets the 403 page for the admin area; a department administrator sees only their own people and no audit log", async ({ browser }) => {
  const lina = await employeePage(browser, "lina");
  await expect(nav(lina, "nav.admin")).toHaveCount(0);
  for (const url of ["/admin", "/admin/audit", "/admin/employees"]) {
    const res = await lina.goto(url);
    expect(res?.status(), url).toBe(403);
    await expect(lina.getByTestId("forbidden")).toHaveText(zh("errors.forbiddenPage"));
    await expect(lina.getByTestId("audit-list")).toHaveCount(0);
    await expect(lina.getByTestId("employee-table")).toHaveCount(0);
  }
  await lina.context().close();

  // liuyang leads purchasing (buyer_lead + dept_admin): the admin area opens, but not all of it.
  const liuyang = await employeePage(browser, "liuyang");
  await nav(liuyang, "nav.admin").click();
  await liuyang.waitForURL("**/admin");
  const sections = liuyang.getByTestId("admin-sections");
  await expect(sections.getByRole("link", { name: new RegExp(`^${zh("admin.cards.employeesScoped.title")}`) })).toBeVisible();
  await expect(sections.getByRole("link", { name: new RegExp(`^${zh("admin.cards.audit.title")}`) })).toHaveCount(0);
  const res = await liuyang.goto("/admin/audit");
  expect(res?.status()).toBe(403);
  await expect(liuyang.getByTestId("forbidden")).toHaveText(zh("errors.forbiddenPage"));
  await expect(liuyang.getByTestId("audit-list")).toHaveCount(0);

  await liuyang.goto("/admin/employees");
  await expect(liuyang.getByText(zh("admin.employees.scope"))).toBeVisible();
  await expect(liuyang.getByTestId("employee-lina")).toBeVisible();
  await expect(liuyang.getByTestId("employee-admin")).toHaveCount(0);
  await expect(liuyang.getByTestId(`employee-${NEW_EMPLOYEE.username}`)).toHaveCount(0);
  await liuyang.context().close();
});

test("screenshots of the employee list and the audit log at desktop and phone width", async ({ browser }) => {
  for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    const admin = await employeePage(browser, "admin", viewport);
    await admin.goto("/admin/employees");
    await expect(admin.getByTestId(`employee-${NEW_EMPLOYEE.username}`)).toBeVisible();
    await shoot(admin, `admin-employees-${size}`);
    if (size === "phone") expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await admin.goto("/admin/audit");
    await expect(admin.getByTestId("audit-entry").first()).toBeVisible();
    await shoot(admin, `admin-audit-${size}`);
    if (size === "phone") expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await admin.context().close();
  }
});
