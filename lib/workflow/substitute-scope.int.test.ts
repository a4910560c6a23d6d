import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { Prisma } from "@/lib/db/generated/client";
import { cancelSubstitution } from "@/lib/inbox/cancel-substitution";
import { createSubstitution } from "@/lib/inbox/create-substitution";
import { listCoveredTasks } from "@/lib/inbox/list-covered-tasks";
import { setEmployeeActive } from "@/lib/org/save-employee";
import { dbKinds, freshDb } from "@/test/db";
import { employee, openTasks, twoGroupTasksFlow, shanghaiDay } from "@/test/workflow-fixtures";
import { advanceClock, now, resetClock } from "./clock";
import { publishDefinition } from "./publish-definition";
import { startInstance } from "./start-instance";
import { coveredTasksSql, coveredTasksWhere, NO_SUBSTITUTE_SCOPE, standsInFor, substituteScope } from "./substitute-scope";
import { canSee, canWorkOn } from "./task-access";
import { claimTask } from "./task-actions";

const XML = twoGroupTasksFlow("scope_test");

const kinds = await dbKinds();

describe.each(kinds)("substituteScope: whose work a substitute covers, on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await publishDefinition(opened.db, SYSTEM, XML);
  });
  afterAll(async () => {
    resetClock();
    await opened?.close();
  });

  it("covers the absent person and their groups (not the substitute's own) only while the period runs", async () => {
    const db = opened.db;
    const [lina, liuyang, zhaoqiang, xuming] = await Promise.all(["lina", "liuyang", "zhaoqiang", "xuming"].map((u) => employee(db, u)));
    expect(await substituteScope(db, zhaoqiang, now())).toEqual(NO_SUBSTITUTE_SCOPE);
    expect(await substituteScope(db, SYSTEM, now())).toEqual(NO_SUBSTITUTE_SCOPE);

    const tomorrow = shanghaiDay(new Date(Date.now() + 864e5));
    const upcoming = await createSubstitution(db, lina, { substituteId: zhaoqiang.id, startsOn: tomorrow, endsOn: tomorrow, reason: null });
    expect((await substituteScope(db, zhaoqiang, now())).assignees).toEqual([]);
    advanceClock(864e5);
    const running = await substituteScope(db, zhaoqiang, now());
    expect(running).toEqual({ assignees: [lina.id], groups: ["purchasing"], covering: [{ substitutionId: upcoming.id, employeeId: lina.id, groups: ["purchasing"] }] });
    advanceClock(864e5);
    expect(await substituteScope(db, zhaoqiang, now())).toEqual(NO_SUBSTITUTE_SCOPE);
    resetClock();
    await cancelSubstitution(db, lina, upcoming.id);

    // Standing in for a colleague of one's own group adds the person, not the group.
    const today = shanghaiDay(new Date());
    const sameGroup = await createSubstitution(db, liuyang, { substituteId: lina.id, startsOn: today, endsOn: today, reason: null });
    expect(await substituteScope(db, lina, now())).toMatchObject({ assignees: [liuyang.id], groups: [] });
    await cancelSubstitution(db, liuyang, sameGroup.id);

    // Someone deactivated while away is no longer covered.
    const away = await createSubstitution(db, xuming, { substituteId: zhaoqiang.id, startsOn: today, endsOn: today, reason: null });
    expect((await substituteScope(db, zhaoqiang, now())).assignees).toEqual([xuming.id]);
    await setEmployeeActive(db, await employee(db, "admin"), xuming.id, false);
    expect(await substituteScope(db, zhaoqiang, now())).toEqual(NO_SUBSTITUTE_SCOPE);
    await setEmployeeActive(db, await employee(db, "admin"), xuming.id, true);
    await cancelSubstitution(db, xuming, away.id);
  });

  it("canSee and canWorkOn honour the scope; the Prisma filter and the SQL select the same tasks; the substitutes page lists them", async () => {
    const db = opened.db;
    const [lina, liuyang, sunli] = await Promise.all(["lina", "liuyang", "sunli"].map((u) => employee(db, u)));
    const inst = await startInstance(db, SYSTEM, { key: "scope_test" });
    const tasks = await openTasks(db, inst.id);
    const buy = tasks.find((t) => t.elementId === "buy")!;
    const qc = tasks.find((t) => t.elementId === "qc")!;

    // Without a substitution: sales sees neither.
    expect([canSee(sunli, buy), canWorkOn(sunli, buy)]).toEqual([false, false]);
    const sub = await createSubstitution(db, lina, { substituteId: sunli.id, startsOn: shanghaiDay(new Date()), endsOn: shanghaiDay(new Date()), reason: "出差" });
    const scope = await substituteScope(db, sunli, now());
    expect([canSee(sunli, buy, scope), canWorkOn(sunli, buy, scope), canSee(sunli, qc, scope), canWorkOn(sunli, qc, scope)]).toEqual([true, true, false, false]);
    expect(standsInFor(scope, buy)).toBe(lina.id);
    // The actor's own rights are unchanged by the scope argument.
    expect(canWorkOn(sunli, buy)).toBe(false);

    // A task claimed by the buyer herself before she left: the substitute reaches it too; one claimed by a colleague is not hers to cover.
    await claimTask(db, lina, buy.id);
    const linas = await db.task.findUniqueOrThrow({ where: { id: buy.id } });
    expect([canSee(sunli, linas, scope), canWorkOn(sunli, linas, scope), standsInFor(scope, linas)]).toEqual([true, true, lina.id]);
    const other = (await openTasks(db, (await startInstance(db, SYSTEM, { key: "scope_test" })).id)).find((t) => t.elementId === "buy")!;
    await claimTask(db, liuyang, other.id);
    const liuyangs = await db.task.findUniqueOrThrow({ where: { id: other.id } });
    expect([canWorkOn(sunli, liuyangs, scope), standsInFor(scope, liuyangs)]).toEqual([false, null]);

    const viaPrisma = (await db.task.findMany({ where: coveredTasksWhere(scope), select: { id: true } })).map((t) => t.id).sort();
    const viaSql = (await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT t."id" FROM "Task" t WHERE ${coveredTasksSql(scope)}`)).map((t) => t.id).sort();
    expect(viaSql).toEqual(viaPrisma);
    expect(viaPrisma).toContain(buy.id);
    expect(viaPrisma).not.toContain(qc.id);
    expect(viaPrisma).not.toContain(other.id);
    expect(await db.$queryRaw<unknown[]>(Prisma.sql`SELECT 1 FROM "Task" t WHERE ${coveredTasksSql(NO_SUBSTITUTE_SCOPE)}`)).toEqual([]);

    const listed = await listCoveredTasks(db, sunli);
    expect(listed.find((t) => t.id === buy.id)).toMatchObject({ name: "询价", forName: "李娜", assigned: true, processName: "scope_test" });
    expect(listed.map((t) => t.id)).not.toContain(qc.id);
    expect(await listCoveredTasks(db, liuyang)).toEqual([]);

    // The substitute takes it over from the absent buyer; the task says for whom.
    await claimTask(db, sunli, buy.id);
    expect(await db.task.findUniqueOrThrow({ where: { id: buy.id } })).toMatchObject({ assigneeId: sunli.id, substituteFor: lina.id });
    expect((await db.auditLog.findFirstOrThrow({ where: { entity: "Task", entityId: buy.id, action: "task.claimed", actorId: sunli.id } })).after).toEqual({ substituteFor: lina.id, from: lina.id });
    await cancelSubstitution(db, lina, sub.id);
    expect(await listCoveredTasks(db, sunli)).toEqual([]);
  });
});
