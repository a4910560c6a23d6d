import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { bpmn } from "@/test/workflow-fixtures";
import { checkDefinition } from "./publish-definition";

// The shipped forms are what a fresh database publishes first; a diagram may name them and no other.
const SHIPPED_FORMS = new Set(fs.readdirSync("processes/forms").map((f) => f.replace(/\.form$/, "")));
const codes = async (xml: string) => (await checkDefinition(xml, SHIPPED_FORMS)).problems.map((p) => `${p.code}${p.elementId ? "@" + p.elementId : ""}`);
const line = (...els: string[]) => els.join("");
const START_TO = (target: string) => `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f_s" sourceRef="s" targetRef="${target}"/>`;
const TO_END = (source: string) => `<bpmn:sequenceFlow id="f_e" sourceRef="${source}" targetRef="e"/><bpmn:endEvent id="e"/>`;

describe("publish rules", () => {
  it("the shipped processes are clean", async () => {
    for (const f of fs.readdirSync("processes").filter((f) => f.endsWith(".bpmn"))) {
      expect(await codes(fs.readFileSync(`processes/${f}`, "utf8")), f).toEqual([]);
    }
  });

  it("refuses script tasks", async () => {
    expect(await codes(bpmn("p", line(START_TO("st"), `<bpmn:scriptTask id="st" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>`, TO_END("st"))))).toContain("script_task@st");
  });

  it("refuses scripted and malformed conditions and C-style operators", async () => {
    const gw = (cond: string) =>
      bpmn("p", line(START_TO("g"), `<bpmn:exclusiveGateway id="g" default="f2"/><bpmn:sequenceFlow id="f1" sourceRef="g" targetRef="e">${cond}</bpmn:sequenceFlow><bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e"/><bpmn:endEvent id="e"/>`));
    expect(await codes(gw(`<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, true)</bpmn:conditionExpression>`))).toContain("script_condition@f1");
    expect(await codes(gw(`<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &gt; 5</bpmn:conditionExpression>`))).toContain("expression_format@f1");
    expect(await codes(gw(`<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${approved == true}</bpmn:conditionExpression>`))).toContain("expression_operators@f1");
    expect(await codes(gw(`<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${amount &gt; }</bpmn:conditionExpression>`))).toContain("expression_syntax@f1");
    expect(await codes(gw(`<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${amount &gt; 5 and approved = true}</bpmn:conditionExpression>`))).toEqual([]);
  });

  it("refuses unknown and missing service handlers", async () => {
    expect(await codes(bpmn("p", line(START_TO("t"), `<bpmn:serviceTask id="t" ff:handler="erp.deleteEverything"/>`, TO_END("t"))))).toContain("unknown_handler@t");
    expect(await codes(bpmn("p", line(START_TO("t"), `<bpmn:serviceTask id="t"/>`, TO_END("t"))))).toContain("handler_missing@t");
    expect(await codes(bpmn("p", line(START_TO("t"), `<bpmn:serviceTask id="t" ff:handler="ledger.record"/>`, TO_END("t"))))).toEqual([]);
  });

  it("refuses user tasks nobody can get, unknown forms and bad due dates", async () => {
    expect(await codes(bpmn("p", line(START_TO("t"), `<bpmn:userTask id="t"/>`, TO_END("t"))))).toContain("task_unassigned@t");
    expect(await codes(bpmn("p", line(START_TO("t"), `<bpmn:userTask id="t" ff:candidateGroups="quality" ff:formKey="nope"/>`, TO_END("t"))))).toContain("unknown_form@t");
    expect(await codes(bpmn("p", line(START_TO("t"), `<bpmn:userTask id="t" ff:assignee="admin" ff:dueDate="two days"/>`, TO_END("t"))))).toContain("due_invalid@t");
  });

  it("refuses an inclusive-gateway join", async () => {
    const xml = bpmn("p", line(START_TO("split"), `<bpmn:inclusiveGateway id="split"/><bpmn:sequenceFlow id="a" sourceRef="split" targetRef="j"/><bpmn:sequenceFlow id="b" sourceRef="split" targetRef="j"/><bpmn:inclusiveGateway id="j"/>`, TO_END("j")));
    expect(await codes(xml)).toContain("inclusive_join@j");
  });

  it("finds unreachable elements and a missing end", async () => {
    const xml = bpmn("p", line(START_TO("t"), `<bpmn:userTask id="t" ff:assignee="admin"/><bpmn:userTask id="orphan" ff:assignee="admin"/>`));
    expect(await codes(xml)).toEqual(expect.arrayContaining(["unreachable@orphan", "no_end@p"]));
  });

  it("refuses non-executable diagrams, malformed XML and unknown extensions", async () => {
    expect(await codes(bpmn("p", "").replace('isExecutable="true"', 'isExecutable="false"'))).toEqual(["not_executable"]);
    expect(await codes("<bpmn:definitions><oops")).toEqual(["bpmn_malformed"]);
    const unknownExt = bpmn("p", line(START_TO("t"), `<bpmn:userTask id="t" ff:assignee="admin"><bpmn:extensionElements><zz:thing xmlns:zz="http://example.com/zz"/></bpmn:extensionElements></bpmn:userTask>`, TO_END("t")));
    const r = await checkDefinition(unknownExt);
    expect(r.problems.every((p) => p.code === "bpmn_parse")).toBe(true);
  });

  it("refuses bad timers", async () => {
    const xml = bpmn("p", line(START_TO("t"), `<bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">3 days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`, TO_END("t")));
    expect(await codes(xml)).toContain("timer_invalid@t");
  });
});
