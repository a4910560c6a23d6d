import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { bpmn } from "@/test/workflow-fixtures";
import { checkDiagram } from "./check-diagram";

const codes = async (xml: string) => (await checkDiagram(xml)).problems.map((p) => `${p.source}:${p.code}${p.elementId ? "@" + p.elementId : ""}`);
const LINE = `<bpmn:startEvent id="s" name="S"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>`;
const END = `<bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e" name="E"/>`;

describe("editor check of a diagram", () => {
  it("finds no errors in the shipped processes (bpmnlint included), only style warnings", async () => {
    for (const f of fs.readdirSync("processes").filter((f) => f.endsWith(".bpmn"))) {
      const { problems } = await checkDiagram(fs.readFileSync(`processes/${f}`, "utf8"));
      expect(problems.filter((p) => p.severity === "error"), f).toEqual([]);
    }
    const pr = await codes(fs.readFileSync("processes/purchase-requisition.bpmn", "utf8"));
    expect(pr).toEqual(["bpmnlint:fake-join@record_requisition", "bpmnlint:fake-join@end_rejected"]);
  });

  it("turns malformed XML into one problem instead of an exception", async () => {
    expect(await codes("<bpmn:definitions><oops")).toEqual(["product:bpmn_malformed"]);
    expect(await codes("not xml at all")).toEqual(["product:bpmn_malformed"]);
    expect(await codes("")).toEqual(["product:bpmn_malformed"]);
  });

  it("reports a file without an executable process", async () => {
    const xml = bpmn("p", LINE + `<bpmn:userTask id="t" name="T" ff:candidateGroups="quality"/>` + END).replace('isExecutable="true"', 'isExecutable="false"');
    expect(await codes(xml)).toEqual(["product:not_executable"]);
  });

  it("refuses script tasks and reports them on the element", async () => {
    const xml = bpmn("p", LINE + `<bpmn:scriptTask id="t" name="T" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>` + END);
    expect(await codes(xml)).toContain("product:script_task@t");
  });

  it("warns about other tools' extensions the runtime ignores", async () => {
    const xml = bpmn("p", LINE + `<bpmn:userTask id="t" name="T" camunda:assignee="demo" ff:candidateGroups="quality"><bpmn:extensionElements><camunda:properties/></bpmn:extensionElements></bpmn:userTask>` + END).replace(
      'xmlns:ff="http://factory-flow.dev/schema/bpmn"',
      'xmlns:ff="http://factory-flow.dev/schema/bpmn" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"',
    );
    const found = await checkDiagram(xml);
    expect(found.problems.filter((p) => p.code.startsWith("foreign_")).map((p) => [p.code, p.elementId, p.params?.name, p.severity])).toEqual([
      // Who works on the task is named for what it is: losing it changes who gets the task.
      ["foreign_assignment", "t", "camunda:assignee", "warning"],
      ["foreign_extension", "t", "camunda:properties", "warning"],
    ]);
    expect(found.problems.filter((p) => p.source === "product" && p.severity === "error")).toEqual([]);
  });

  it("reports unknown BPMN elements as parse problems", async () => {
    const xml = bpmn("p", LINE + `<bpmn:userTask id="t" name="T" ff:candidateGroups="quality"/><bpmn:fancyTask id="x"/>` + END);
    expect(await codes(xml)).toContain("product:bpmn_parse");
  });

  it("refuses a gateway that joins and forks at once", async () => {
    const xml = bpmn(
      "p",
      `<bpmn:startEvent id="s" name="S"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>
      <bpmn:userTask id="t1" name="T1" ff:candidateGroups="quality"/><bpmn:sequenceFlow id="f2" sourceRef="t1" targetRef="g"/>
      <bpmn:boundaryEvent id="b" name="B" attachedToRef="t1"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="g"/>
      <bpmn:exclusiveGateway id="g" name="G" default="fb"/>
      <bpmn:sequenceFlow id="fa" sourceRef="g" targetRef="e"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${amount &gt; 5}</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="fb" sourceRef="g" targetRef="e"/>
      <bpmn:endEvent id="e" name="E"/>`,
    );
    const found = (await checkDiagram(xml)).problems.filter((p) => p.code === "no-gateway-join-fork");
    expect(found.map((p) => [p.elementId, p.severity])).toEqual([["g", "error"]]);
  });

  it("adds bpmnlint's recommended rules: labels, implicit ends, conditions", async () => {
    const xml = bpmn(
      "p",
      `<bpmn:startEvent id="s" name="S"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
      <bpmn:exclusiveGateway id="g" name="G"/>
      <bpmn:sequenceFlow id="fa" sourceRef="g" targetRef="t"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${amount &gt; 5}</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="fb" sourceRef="g" targetRef="e"/>
      <bpmn:userTask id="t" ff:candidateGroups="quality"/><bpmn:endEvent id="e" name="E"/>`,
    );
    const found = await codes(xml);
    expect(found).toEqual(expect.arrayContaining(["bpmnlint:label-required@t", "bpmnlint:no-implicit-end@t", "bpmnlint:conditional-flows@fb", "bpmnlint:no-bpmndi@t"]));
    expect(found).not.toContain("bpmnlint:conditional-flows@fa");
  });
});
