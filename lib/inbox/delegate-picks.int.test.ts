import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { setEmployeeActive } from "@/lib/org/save-employee";
import { setGroupMembers } from "@/lib/org/save-group";
import { publishDefinition } from "@/lib/workflow/publish-definition";
import { startInstance } from "@/lib/workflow/start-instance";
import { claimTask } from "@/lib/workflow/task-actions";
import { dbKinds, freshDb } from "@/test/db";
import { employee, openTasks, qualityTaskFlow } from "@/test/workflow-fixtures";
import { listDelegatePicks } from "./list-pickers";

const XML = qualityTaskFlow("picker_test");

const kinds = await dbKinds();

describe.each(kinds)("the delegate picker on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await publishDefinition(opened.db, SYSTEM, XML);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const newTask = async () => (await openTasks(opened.db, (await startInstance(opened.db, SYSTEM, { key: "picker_test" })).id))[0];
  const usernames = (sections: Awaited<ReturnType<typeof listDelegatePicks>>) => sections.flatMap((s) => s.people.map((p) => p.username));

  it("offers the task's group first, then the actor's department, then the others by department; never the actor, the assignee or the deactivated", async () => {
    const db = opened.db;
    const chenjing = await employee(db, "chenjing");
    const task = await newTask();
    await claimTask(db, chenjing, task.id);

    // chenjing (quality) hands her task on: her group has yangfan, who is also all of her department.
    const sections = await listDelegatePicks(db, chenjing, task.id);
    expect(sections[0]).toMatchObject({ kind: "group", nameZh: "质检组", nameEn: "Quality" });
    expect(sections[0].people.map((p) => p.username)).toEqual(["yangfan"]);
    expect(sections.slice(1).every((s) => s.kind === "department")).toBe(true);
    const all = usernames(sections);
    expect(all).not.toContain("chenjing");
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain("lina");
    // Departments are headings of their own, each person under theirs.
    const purchasing = sections.find((s) => s.nameZh === "采购部")!;
    expect(purchasing.people.map((p) => p.username).sort()).toEqual(["lina", "liuyang"]);
    // Searchable by pinyin: 李娜 is "lina", initials "ln".
    expect(purchasing.people.find((p) => p.username === "lina")).toMatchObject({ name: "李娜", pinyin: "lina", initials: "ln", departmentZh: "采购部" });

    // A purchasing manager reassigning yangfan's task: the group (without yangfan, who has it), then his own department, then the rest.
    const yangfan = await employee(db, "yangfan");
    const other = await newTask();
    await claimTask(db, yangfan, other.id);
    const admin = await employee(db, "admin");
    const forAdmin = await listDelegatePicks(db, admin, other.id).catch((e) => e);
    // admin does not see a quality task he has nothing to do with.
    expect(forAdmin).toMatchObject({ code: "not_found" });
    const forChenjing = await listDelegatePicks(db, chenjing, other.id);
    expect(forChenjing[0].kind).toBe("department");
    expect(usernames(forChenjing)).not.toContain("yangfan");
    expect(usernames(forChenjing)).not.toContain("chenjing");

    // The actor's own department comes right after the groups.
    const lina = await employee(db, "lina");
    const buyTask = (await openTasks(db, (await startInstance(db, SYSTEM, { key: "picker_test" })).id))[0];
    const quality = await db.group.findUniqueOrThrow({ where: { key: "quality" }, include: { members: true } });
    await setGroupMembers(db, admin, { id: quality.id, employeeIds: [...quality.members.map((m) => m.employeeId), lina.id] });
    const linaActor = await employee(db, "lina");
    const forLina = await listDelegatePicks(db, linaActor, buyTask.id);
    expect(forLina.map((s) => s.kind).slice(0, 2)).toEqual(["group", "ownDepartment"]);
    expect(forLina[1]).toMatchObject({ nameZh: "采购部", people: [expect.objectContaining({ username: "liuyang" })] });

    const sunli = await employee(db, "sunli");
    await setEmployeeActive(db, admin, sunli.id, false);
    expect(usernames(await listDelegatePicks(db, chenjing, task.id))).not.toContain("sunli");
    await setEmployeeActive(db, admin, sunli.id, true);

    await expect(listDelegatePicks(db, chenjing, "not-a-task")).rejects.toMatchObject({ code: "not_found" });
  });
});
