import { bpmn } from "../test/workflow-fixtures";

/** The benchmarked flow: start -> user task -> exclusive gateway -> user task -> end. */
export const BENCH_XML = bpmn(
  "bench_flow",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="review"/>
  <bpmn:userTask id="review" name="审核" ff:candidateGroups="purchasing" ff:formKey="approval" ff:dueDate="P2D"/>
  <bpmn:sequenceFlow id="f1" sourceRef="review" targetRef="g"/>
  <bpmn:exclusiveGateway id="g" default="fsmall"/>
  <bpmn:sequenceFlow id="fbig" sourceRef="g" targetRef="approve_big"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${amount &gt; 1000}</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="fsmall" sourceRef="g" targetRef="approve_small"/>
  <bpmn:userTask id="approve_big" name="大额审批" ff:candidateGroups="purchasing" ff:formKey="approval"/>
  <bpmn:userTask id="approve_small" name="小额审批" ff:candidateGroups="purchasing" ff:formKey="approval"/>
  <bpmn:sequenceFlow id="f2" sourceRef="approve_big" targetRef="e"/><bpmn:sequenceFlow id="f3" sourceRef="approve_small" targetRef="e"/>
  <bpmn:endEvent id="e"/>`,
);
