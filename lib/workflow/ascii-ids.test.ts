import { describe, expect, it } from "vitest";
import { asciiIds } from "./ascii-ids";
import { parseBpmn } from "./moddle";

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:ff="http://factory-flow.dev/schema/bpmn"`;
const doc = (body: string, decl = `<?xml version="1.0" encoding="UTF-8"?>`) => `${decl}\n<bpmn:definitions ${NS} id="defs" targetNamespace="http://x">${body}</bpmn:definitions>`;

/** A start → task → end line with Chinese ids everywhere: elements, flows, lanes, DI and references. */
const CHINESE = doc(`
<bpmn:collaboration id="协作"><bpmn:participant id="采购部" name="采购部" processRef="采购流程"/></bpmn:collaboration>
<bpmn:process id="采购流程" name="采购流程" isExecutable="true">
  <bpmn:laneSet id="泳道集"><bpmn:lane id="泳道1" name="采购"><bpmn:flowNodeRef>开始</bpmn:flowNodeRef><bpmn:flowNodeRef> 审核 </bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
  <bpmn:startEvent id="开始" name="开始"><bpmn:outgoing>流1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:sequenceFlow id="流1" sourceRef="开始" targetRef="审核"/>
  <bpmn:userTask id="审核" name="审核" ff:candidateGroups="purchasing"><bpmn:documentation>审核 开始 流1</bpmn:documentation><bpmn:incoming>流1</bpmn:incoming><bpmn:outgoing>流2</bpmn:outgoing></bpmn:userTask>
  <bpmn:sequenceFlow id="流2" sourceRef="审核" targetRef="结束"/>
  <bpmn:endEvent id="结束" name="结束"><bpmn:incoming>流2</bpmn:incoming></bpmn:endEvent>
</bpmn:process>
<bpmndi:BPMNDiagram id="图"><bpmndi:BPMNPlane id="图面" bpmnElement="协作">
  <bpmndi:BPMNShape id="开始_di" bpmnElement="开始"><dc:Bounds x="0" y="0" width="36" height="36"/></bpmndi:BPMNShape>
  <bpmndi:BPMNEdge id="流1_di" bpmnElement="流1"><di:waypoint x="36" y="18"/><di:waypoint x="100" y="18"/></bpmndi:BPMNEdge>
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`);

type Case = { name: string; xml: string; renamed: Record<string, string>; contains?: string[]; absent?: string[] };

const cases: Case[] = [
  {
    name: "Chinese ids in elements, flows, lanes, DI and references become pinyin",
    xml: CHINESE,
    renamed: { 协作: "XieZuo", 采购部: "CaiGouBu", 采购流程: "CaiGouLiuCheng", 泳道集: "YongDaoJi", 泳道1: "YongDao1", 开始: "KaiShi", 审核: "ShenHe", 流1: "Liu1", 流2: "Liu2", 结束: "JieShu", 图: "Tu", 图面: "TuMian", 开始_di: "KaiShi_di", 流1_di: "Liu1_di" },
    contains: ['processRef="CaiGouLiuCheng"', "<bpmn:flowNodeRef>ShenHe</bpmn:flowNodeRef>", 'sourceRef="KaiShi" targetRef="ShenHe"', "<bpmn:incoming>Liu1</bpmn:incoming>", 'bpmnElement="XieZuo"', 'bpmnElement="Liu1"'],
  },
  {
    name: "names, documentation and other text keep their words",
    xml: CHINESE,
    renamed: {},
    contains: ['id="ShenHe" name="审核"', 'name="采购流程"', "<bpmn:documentation>审核 开始 流1</bpmn:documentation>"],
  },
  {
    name: "a new id never collides with an existing one or another new one",
    xml: doc(`<bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="KaiShi"/><bpmn:startEvent id="开始"/><bpmn:userTask id="审核"/><bpmn:userTask id="审和"/><bpmn:userTask id="ShenHe_2x"/></bpmn:process>`),
    renamed: { 开始: "KaiShi_2", 审核: "ShenHe", 审和: "ShenHe_2" },
  },
  {
    name: "data associations, data objects, boundary events, defaults and messages",
    xml: doc(`<bpmn:message id="消息" name="消息"/><bpmn:process id="p" isExecutable="true">
      <bpmn:exclusiveGateway id="网关" default="默认"/><bpmn:sequenceFlow id="默认" sourceRef="网关" targetRef="任务"/>
      <bpmn:userTask id="任务"><bpmn:dataInputAssociation id="输入"><bpmn:sourceRef>订单引用</bpmn:sourceRef><bpmn:targetRef>任务输入</bpmn:targetRef></bpmn:dataInputAssociation></bpmn:userTask>
      <bpmn:boundaryEvent id="超时" attachedToRef="任务"><bpmn:messageEventDefinition messageRef="消息"/></bpmn:boundaryEvent>
      <bpmn:dataObjectReference id="订单引用" dataObjectRef="订单"/><bpmn:dataObject id="订单"/></bpmn:process>`),
    renamed: { 消息: "XiaoXi", 网关: "WangGuan", 默认: "MoRen", 任务: "RenWu", 输入: "ShuRu", 超时: "ChaoShi", 订单引用: "DingDanYinYong", 订单: "DingDan" },
    contains: ['default="MoRen"', "<bpmn:sourceRef>DingDanYinYong</bpmn:sourceRef>", 'attachedToRef="RenWu"', 'messageRef="XiaoXi"', 'dataObjectRef="DingDan"', 'id="XiaoXi" name="消息"'],
  },
  {
    name: "ids that start with a digit, contain spaces, or have nothing to spell",
    xml: doc(`<bpmn:process id="p" isExecutable="true"><bpmn:task id="1st"/><bpmn:task id="Task 1"/><bpmn:task id="タスク"/><bpmn:sequenceFlow id="f" sourceRef="1st" targetRef="タスク"/></bpmn:process>`),
    renamed: { "1st": "Id_1st", "Task 1": "Task_1", タスク: expect.stringMatching(/^Id_[0-9a-z]{6}$/) as unknown as string },
    absent: ["タスク", '"1st"'],
  },
  {
    name: "character references in ids are read as the characters they stand for",
    xml: doc(`<bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="&#x5F00;&#x59CB;"/><bpmn:sequenceFlow id="f" sourceRef="开始" targetRef="e"/><bpmn:endEvent id="e"/></bpmn:process>`),
    renamed: { 开始: "KaiShi" },
    contains: ['<bpmn:startEvent id="KaiShi"/>', 'sourceRef="KaiShi"'],
  },
  {
    name: "a default namespace (no prefix) is BPMN too; other tools' elements keep their ids",
    xml: `<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:x="http://example.com/x" id="d" targetNamespace="t"><process id="流程" isExecutable="true"><extensionElements><x:field id="金额"/></extensionElements><startEvent id="开始"><outgoing>f</outgoing></startEvent></process></definitions>`,
    renamed: { 流程: "LiuCheng", 开始: "KaiShi" },
    contains: ['<x:field id="金额"/>'],
  },
];

describe("asciiIds", () => {
  it.each(cases)("$name", ({ xml, renamed, contains = [], absent = [] }) => {
    const out = asciiIds(xml);
    if (Object.keys(renamed).length) expect(Object.fromEntries(out.renamed.map((r) => [r.from, r.to]))).toEqual(renamed);
    for (const s of contains) expect(out.xml).toContain(s);
    for (const s of absent) expect(out.xml).not.toContain(s);
  });

  it.each([
    ["ISO-8859-1", `<?xml version="1.0" encoding="ISO-8859-1"?>`, `<?xml version="1.0" encoding="UTF-8"?>`],
    ["windows-1252 in single quotes", `<?xml version='1.0' encoding='windows-1252'?>`, `<?xml version='1.0' encoding='UTF-8'?>`],
    ["utf8 without the dash", `<?xml version="1.0" encoding="utf8"?>`, `<?xml version="1.0" encoding="UTF-8"?>`],
  ])("declares the decoded text as UTF-8 (%s)", (_label, decl, expected) => {
    const xml = doc(`<bpmn:process id="p" isExecutable="true"/>`, decl);
    expect(asciiIds(xml)).toEqual({ xml: doc(`<bpmn:process id="p" isExecutable="true"/>`, expected), renamed: [] });
  });

  it.each([
    ["a plain diagram", doc(`<bpmn:process id="p" name="采购" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/><bpmn:endEvent id="e"><bpmn:documentation>开始 &amp; 结束</bpmn:documentation></bpmn:endEvent></bpmn:process><!-- id="注释" --><![CDATA[ id="数据" ]]>`)],
    ["lower-case utf-8 and prefixed ids", doc(`<bpmn:process id="ns:p" isExecutable="true"/>`, `<?xml version="1.0" encoding="utf-8"?>`)],
    ["not XML at all", "not xml <oops"],
    ["empty", ""],
  ])("returns %s unchanged", (_label, xml) => {
    const out = asciiIds(xml);
    expect(out.xml).toBe(xml);
    expect(out.renamed).toEqual([]);
  });

  it("lets the server parse such a file without warnings, names intact", async () => {
    const ctx = await parseBpmn(CHINESE.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'));
    expect(ctx.warnings).toEqual([]);
    expect(ctx.elementsById.ShenHe).toMatchObject({ $type: "bpmn:UserTask", name: "审核" });
    expect(ctx.elementsById.Liu1).toMatchObject({ sourceRef: { id: "KaiShi" }, targetRef: { id: "ShenHe" } });
    expect(ctx.elementsById.YongDao1).toMatchObject({ flowNodeRef: [{ id: "KaiShi" }, { id: "ShenHe" }] });
  });

  it("is stable: converting a converted document changes nothing", () => {
    const once = asciiIds(CHINESE).xml;
    expect(asciiIds(once)).toEqual({ xml: once, renamed: [] });
  });
});
