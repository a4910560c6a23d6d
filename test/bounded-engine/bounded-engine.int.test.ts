import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { isAppError } from "@/lib/errors/app-error";
import { loadMessages } from "@/lib/i18n/messages";
import { completeTask } from "@/lib/workflow/complete-task";
import { dryRunProcess } from "@/lib/workflow/dry-run";
import { checkDefinition, publishDefinition } from "@/lib/workflow/publish-definition";
import { startInstance } from "@/lib/workflow/start-instance";
import { dbKinds, freshDb } from "@/test/db";
import { bpmn, employee, openTasks } from "@/test/workflow-fixtures";
import { branches, chain, endlessLoop, nested, SF, UT, withTimer } from "./diagrams";

// The bounded engine: every diagram is either refused at check/publish with a specific,
// translated reason on its element, or it runs; an instance that goes wrong becomes an
// incident with a translated reason; no step blocks the event loop. Every case runs under
// a guard that fails it when the event loop was blocked for more than a second or when
// anything but the product's own error (AppError) was thrown.

const codes = (problems: { code: string; elementId?: string }[]) => problems.map((p) => `${p.code}@${p.elementId ?? ""}`);
const errorsOf = (problems: { code: string; elementId?: string; severity?: string }[]) => codes(problems.filter((p) => p.severity !== "warning"));
const seen = { lint: new Set<string>(), incident: new Set<string>() };

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  try {
    return await fn();
  } catch (e) {
    expect(isAppError(e), `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`).toBe(true);
    throw e;
  } finally {
    h.disable();
    expect(h.max / 1e6, "event loop blocked (ms)").toBeLessThan(1000);
  }
}

async function refused(xml: string) {
  const checked = await guarded(() => checkDefinition(xml));
  for (const p of checked.problems) seen.lint.add(p.code);
  return checked;
}

describe.each(await dbKinds())("the bounded engine on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  const db = () => opened.db;
  const publish = (xml: string) => guarded(() => publishDefinition(db(), SYSTEM, xml));
  const start = (key: string, variables: Record<string, unknown> = {}) => guarded(() => startInstance(db(), SYSTEM, { key, variables }));
  const instance = async (id: string) => {
    const i = await db().processInstance.findUniqueOrThrow({ where: { id } });
    if (i.incidentCode) seen.incident.add(i.incidentCode);
    return i;
  };

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
  });
  afterAll(() => opened?.close());

  describe("hangs and runaways", () => {
    it("refuses timer cycles below the minimum and cycles it cannot read; a computed one becomes an incident", async () => {
      expect(errorsOf((await refused(withTimer("cyc0", "R/PT0S"))).problems)).toEqual(["timer_cycle_too_frequent@remind"]);
      expect(errorsOf((await refused(withTimer("cyc1", "R/PT1S"))).problems)).toEqual(["timer_cycle_too_frequent@remind"]);
      expect(errorsOf((await refused(withTimer("cyc2", "R/Pgarbage"))).problems)).toEqual(["timer_invalid@remind"]);
      expect(errorsOf((await refused(withTimer("cyc3", "2030-13-45T10:00", "timeDate"))).problems)).toEqual(["timer_invalid@remind"]);
      expect(errorsOf((await refused(withTimer("cyc4", "R/PT1H"))).problems)).toEqual([]);
      await publish(withTimer("cyc_expr", "${cycle}"));
      const started = await start("cyc_expr", { cycle: "R/PT0S" });
      expect(started.status).toBe("incident");
      expect(await instance(started.id)).toMatchObject({ status: "incident", incidentCode: "timer_cycle_too_frequent" });
    });

    it("a loop that never waits stops as an incident; the stored instance and its task are as they were", async () => {
      await publish(endlessLoop("spin_loop"));
      const started = await start("spin_loop");
      const before = await instance(started.id);
      const [task] = await openTasks(db(), started.id);
      const lina = await employee(db(), "lina");
      const err = await guarded(() => completeTask(db(), lina, { taskId: task.id, data: {} })).catch((e) => e);
      expect(err).toMatchObject({ code: "step_limit" });
      const after = await instance(started.id);
      expect(after).toMatchObject({ status: "incident", incidentCode: "step_budget" });
      expect(after.state).toEqual(before.state);
      expect((await openTasks(db(), started.id)).map((t) => t.id)).toEqual([task.id]);
    });

    it("refuses expressions that would compute too much; a backtracking pattern runs in linear time", async () => {
      const gate = (key: string, cond: string) =>
        bpmn(key, `<bpmn:startEvent id="s"/>${SF("f0", "s", "g")}<bpmn:exclusiveGateway id="g" default="no"/>${SF("yes", "g", "t", cond)}${SF("no", "g", "t")}${UT("t")}${SF("f1", "t", "e")}<bpmn:endEvent id="e"/>`);
      expect(errorsOf((await refused(gate("feel1", "${count(for i in 1..2000000 return i) > 0}"))).problems)).toEqual(["expression_too_costly@yes"]);
      expect(errorsOf((await refused(gate("feel2", "${count(for i in 1..n return i) > 0}"))).problems)).toEqual(["expression_unbounded_range@yes"]);
      await publish(gate("feel3", '${matches(x, "^(a+)+$")}'));
      const t0 = performance.now();
      const started = await start("feel3", { x: `${"a".repeat(28)}b` });
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(started.status).toBe("running");
    });

    it("refuses a diagram past the size limit before the cost of running it; one at the limit runs", async () => {
      const huge = chain("huge", 5000);
      const t0 = performance.now();
      expect(errorsOf((await refused(huge)).problems)).toEqual(["too_many_elements@"]);
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(errorsOf((await refused(chain("big", 499))).problems)).toEqual(["too_many_elements@"]);
      const large = await refused(chain("large", 300));
      expect(errorsOf(large.problems)).toEqual([]);
      expect(codes(large.problems)).toContain("many_elements@");
    });

    it("a dry run never holds the server: a huge diagram is refused, a loop stops at its limit", async () => {
      const admin = await employee(db(), "admin");
      const huge = await guarded(() => dryRunProcess(db(), admin, chain("dry_huge", 2000), {}, {}));
      expect(huge).toMatchObject({ status: "invalid" });
      expect(codes(huge.problems ?? [])).toContain("too_many_elements@");
      const loop = await guarded(() => dryRunProcess(db(), admin, endlessLoop("dry_loop"), {}, {}));
      expect(loop).toMatchObject({ status: "error", errorCode: "step_budget" });
      const long = await guarded(() => dryRunProcess(db(), admin, chain("dry_long", 200), {}, {}));
      expect(["limit", "completed"]).toContain(long.status);
    });
  });

  describe("accepted, then stuck forever: refused or run", () => {
    it("runs a task ten sub-processes deep and refuses more nesting", async () => {
      await publish(nested("nest10", 10));
      const started = await start("nest10");
      expect((await openTasks(db(), started.id)).map((t) => t.elementId)).toEqual(["deep"]);
      expect(errorsOf((await refused(nested("nest11", 11))).problems)).toEqual(["nesting_too_deep@sub11"]);
    });

    it("evaluates ${...} in candidate groups, and a task that resolves to nobody is an incident", async () => {
      await publish(bpmn("grp", `<bpmn:startEvent id="s"/>${SF("f0", "s", "t")}<bpmn:userTask id="t" name="t" ff:candidateGroups="\${group}"/>${SF("f1", "t", "e")}<bpmn:endEvent id="e"/>`));
      const ok = await start("grp", { group: "quality" });
      expect((await openTasks(db(), ok.id))[0].candidateGroups).toEqual(["quality"]);
      const nobody = await start("grp", {});
      expect(await instance(nobody.id)).toMatchObject({ status: "incident", incidentCode: "task_unassignable" });
      expect(await openTasks(db(), nobody.id)).toEqual([]);
    });

    it("warns of a signal nobody throws; running into it is an incident, not a silent wait", async () => {
      const xml = bpmn("sig", `<bpmn:startEvent id="s"/>${SF("f0", "s", "w")}<bpmn:intermediateCatchEvent id="w"><bpmn:signalEventDefinition signalRef="go"/></bpmn:intermediateCatchEvent>${SF("f1", "w", "e")}<bpmn:endEvent id="e"/>`, `<bpmn:signal id="go" name="go"/>`);
      const checked = await refused(xml);
      expect(errorsOf(checked.problems)).toEqual([]);
      expect(codes(checked.problems)).toContain("signal_never_thrown@w");
      await publish(xml);
      const started = await start("sig");
      expect(await instance(started.id)).toMatchObject({ status: "incident", incidentCode: "nothing_to_wait_for" });
    });

    it("checks every process a call activity reaches: a script task there is refused, a missing one too", async () => {
      const called = `<bpmn:process id="helper" isExecutable="false"><bpmn:startEvent id="hs"/>${SF("h0", "hs", "sc")}<bpmn:scriptTask id="sc" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>${SF("h1", "sc", "he")}<bpmn:endEvent id="he"/></bpmn:process>`;
      const caller = (target: string) => bpmn("caller", `<bpmn:startEvent id="s"/>${SF("f0", "s", "call")}<bpmn:callActivity id="call" calledElement="${target}"/>${SF("f1", "call", "e")}<bpmn:endEvent id="e"/>`, called);
      expect(errorsOf((await refused(caller("helper"))).problems)).toEqual(["script_task@sc"]);
      expect(errorsOf((await refused(caller("nowhere"))).problems)).toEqual(["call_target_missing@call"]);
    });
  });

  describe("raw crashes become reasons", () => {
    it("a message flow into a sub-process's element publishes and runs to the message wait", async () => {
      const xml = bpmn(
        "mf",
        `<bpmn:startEvent id="s"/>${SF("f1", "s", "x")}<bpmn:subProcess id="x"><bpmn:startEvent id="is"/>${SF("i1", "is", "inner")}<bpmn:intermediateCatchEvent id="inner"><bpmn:messageEventDefinition messageRef="m1"/></bpmn:intermediateCatchEvent>${SF("i2", "inner", "ie")}<bpmn:endEvent id="ie"/></bpmn:subProcess>${SF("f2", "x", "e")}<bpmn:endEvent id="e"/>`,
        `<bpmn:collaboration id="col"><bpmn:participant id="pa" processRef="mf"/><bpmn:participant id="pb" name="供应商"/><bpmn:messageFlow id="flow" sourceRef="pb" targetRef="inner"/></bpmn:collaboration><bpmn:message id="m1" name="shipped"/>`,
      );
      await publish(xml);
      const started = await start("mf");
      expect(started.status).toBe("running");
      expect(await db().eventSubscription.count({ where: { instanceId: started.id, messageName: "shipped" } })).toBe(1);
    });

    it("refuses global tasks and resource roles with their own reasons; item definitions are harmless", async () => {
      const global = bpmn("glob", `<bpmn:startEvent id="s"/>${SF("f0", "s", "t")}${UT("t")}${SF("f1", "t", "e")}<bpmn:endEvent id="e"/>`, `<bpmn:globalUserTask id="gut" name="global"/>`);
      expect(errorsOf((await refused(global)).problems)).toEqual(["global_task@gut"]);
      const owner = bpmn("own", `<bpmn:startEvent id="s"/>${SF("f0", "s", "t")}<bpmn:userTask id="t" name="t" ff:candidateGroups="purchasing"><bpmn:potentialOwner resourceRef="clerk"/></bpmn:userTask>${SF("f1", "t", "e")}<bpmn:endEvent id="e"/>`, `<bpmn:resource id="clerk" name="Clerk"/>`);
      expect(errorsOf((await refused(owner)).problems)).toEqual(["resource_assignment_unsupported@t"]);
      const items = bpmn("items", `<bpmn:property id="p1" itemSubjectRef="item1"/><bpmn:startEvent id="s"/>${SF("f0", "s", "t")}${UT("t")}${SF("f1", "t", "e")}<bpmn:endEvent id="e"/>`, `<bpmn:itemDefinition id="item1" structureRef="string"/>`);
      await publish(items);
      expect((await start("items")).status).toBe("running");
    });

    it("refuses an expression that reaches for the runtime's internals at publish", async () => {
      const xml = bpmn("esc", `<bpmn:startEvent id="s"/>${SF("f0", "s", "t")}<bpmn:userTask id="t" name="t" ff:assignee="\${initiator.constructor.constructor(&quot;return 1&quot;)()}"/>${SF("f1", "t", "e")}<bpmn:endEvent id="e"/>`);
      const problems = errorsOf((await refused(xml)).problems);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.startsWith("expression_") && p.endsWith("@t"))).toBe(true);
    });
  });

  describe("history and wrong refusals", () => {
    it("records only what the instance did: nothing left that was never entered", async () => {
      await publish(branches("hist"));
      const started = await start("hist", { amount: 5 });
      const events = await db().instanceEvent.findMany({ where: { instanceId: started.id }, select: { type: true, elementId: true } });
      const entered = new Set(events.filter((e) => e.type === "element.entered").map((e) => e.elementId));
      const leftWithoutEntry = events.filter((e) => e.type === "element.left" && !entered.has(e.elementId));
      expect(leftWithoutEntry).toEqual([]);
      expect(entered.has("approve")).toBe(false);
    });

    it("accepts files declared ISO-8859-1 and ids in Chinese; they publish and run", async () => {
      const latin = bpmn("latin", `<bpmn:startEvent id="s"/>${SF("f0", "s", "t")}${UT("t")}${SF("f1", "t", "e")}<bpmn:endEvent id="e"/>`).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
      expect(latin).toContain('encoding="ISO-8859-1"');
      expect(errorsOf((await refused(latin)).problems)).toEqual([]);
      const chinese = bpmn("chinese_ids", `<bpmn:startEvent id="开始"/>${SF("连线1", "开始", "审核")}<bpmn:userTask id="审核" name="审核" ff:candidateGroups="purchasing"/>${SF("连线2", "审核", "结束")}<bpmn:endEvent id="结束"/>`);
      expect(errorsOf((await refused(chinese)).problems)).toEqual([]);
      await publish(chinese);
      const started = await start("chinese_ids");
      expect((await openTasks(db(), started.id)).map((t) => t.name)).toEqual(["审核"]);
    });

    it("accepts compensation and data objects", async () => {
      const comp = bpmn(
        "comp",
        `<bpmn:startEvent id="s"/>${SF("f0", "s", "book")}<bpmn:task id="book" name="book"/>${SF("f1", "book", "t")}${UT("t")}${SF("f2", "t", "e")}<bpmn:endEvent id="e"/>
        <bpmn:boundaryEvent id="undoEvt" attachedToRef="book"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent><bpmn:task id="undo" name="undo" isForCompensation="true"/>
        <bpmn:dataObject id="do1"/><bpmn:dataObjectReference id="doRef" dataObjectRef="do1"/>
        <bpmn:association id="a1" associationDirection="One" sourceRef="undoEvt" targetRef="undo"/>`,
      );
      expect(errorsOf((await refused(comp)).problems)).toEqual([]);
      await publish(comp);
      expect((await start("comp")).status).toBe("running");
    });
  });

  afterAll(async () => {
    // Every reason a user can be shown has words in both languages.
    for (const locale of ["zh-CN", "en"] as const) {
      const m = (await loadMessages(locale)) as { processes: { lint: Record<string, string>; incident: Record<string, string> } };
      for (const code of seen.lint) expect(m.processes.lint[code], `${locale} processes.lint.${code}`).toBeTruthy();
      for (const code of seen.incident) expect(m.processes.incident[code], `${locale} processes.incident.${code}`).toBeTruthy();
    }
  });
});
