import { bpmn } from "@/test/workflow-fixtures";

// Diagrams a process owner might publish, each built to hit one rule of the bounded engine.

export const UT = (id: string, extra = "") => `<bpmn:userTask id="${id}" name="${id}" ff:candidateGroups="purchasing"${extra}/>`;
export const SF = (id: string, from: string, to: string, cond?: string) =>
  cond
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${cond}</bpmn:conditionExpression></bpmn:sequenceFlow>`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

/** A user task with a non-interrupting boundary timer of the given kind and value. */
export const withTimer = (key: string, value: string, kind = "timeCycle") =>
  bpmn(
    key,
    `<bpmn:startEvent id="s"/>${SF("f1", "s", "t")}${UT("t")}${SF("f2", "t", "e")}<bpmn:endEvent id="e"/>
    <bpmn:boundaryEvent id="remind" attachedToRef="t" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    ${SF("f3", "remind", "note")}<bpmn:userTask id="note" name="note" ff:candidateGroups="purchasing"/>${SF("f4", "note", "e2")}<bpmn:endEvent id="e2"/>`,
  );

/** A user task, then a plain task in a loop whose exit condition is never true. */
export const endlessLoop = (key: string) =>
  bpmn(
    key,
    `<bpmn:startEvent id="s"/>${SF("f0", "s", "first")}${UT("first")}${SF("f1", "first", "spin")}<bpmn:task id="spin" name="spin"/>${SF("f2", "spin", "g")}
    <bpmn:exclusiveGateway id="g" default="back"/>${SF("out", "g", "e", "${false}")}${SF("back", "g", "spin")}<bpmn:endEvent id="e"/>`,
  );

/** `count` user tasks in a row. */
export function chain(key: string, count: number) {
  let body = `<bpmn:startEvent id="s"/>`;
  let prev = "s";
  for (let i = 0; i < count; i++) {
    body += `${SF(`f${i}`, prev, `t${i}`)}${UT(`t${i}`)}`;
    prev = `t${i}`;
  }
  return bpmn(key, `${body}${SF("fe", prev, "e")}<bpmn:endEvent id="e"/>`);
}

/** A user task `depth` sub-processes deep. */
export function nested(key: string, depth: number) {
  let inner = `<bpmn:startEvent id="s${depth}"/>${SF(`a${depth}`, `s${depth}`, "deep")}${UT("deep")}${SF(`b${depth}`, "deep", `e${depth}`)}<bpmn:endEvent id="e${depth}"/>`;
  for (let d = depth - 1; d >= 0; d--) {
    inner = `<bpmn:startEvent id="s${d}"/>${SF(`a${d}`, `s${d}`, `sub${d + 1}`)}<bpmn:subProcess id="sub${d + 1}">${inner}</bpmn:subProcess>${SF(`b${d}`, `sub${d + 1}`, `e${d}`)}<bpmn:endEvent id="e${d}"/>`;
  }
  return bpmn(key, inner);
}

/** A gateway whose taken branch leaves the other never entered. */
export const branches = (key: string) =>
  bpmn(
    key,
    `<bpmn:startEvent id="s"/>${SF("f0", "s", "g")}<bpmn:exclusiveGateway id="g" default="small"/>
    ${SF("big", "g", "approve", "${amount > 1000}")}<bpmn:task id="approve" name="approve"/>${SF("f1", "approve", "j")}
    ${SF("small", "g", "record")}${UT("record")}${SF("f2", "record", "j")}<bpmn:exclusiveGateway id="j"/>${SF("f3", "j", "e")}<bpmn:endEvent id="e"/>`,
  );
