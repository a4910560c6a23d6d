import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeTask } from "@/lib/workflow/complete-task";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { seedOpportunity } from "@/test/liaison-fixtures";
import { createRequirement } from "./create-requirement";
import { getRequirement } from "./get-requirement";
import { listRequirements } from "./list-requirements";
import { requirementOwnerAccess } from "./requirement-file-access";
import { startRequirementReview } from "./start-requirement-review";

const kinds = await dbKinds();

describe.each(kinds)("product requirements (CRM-7) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let seeded: Awaited<ReturnType<typeof seedOpportunity>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
    seeded = await seedOpportunity(t.db, "苏州恒力精工机械有限公司", "OP900001");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("raises a requirement from an opportunity: customer code from it, library parameters linked, extra ones its own, audited", async () => {
    const sunli = await t.actor("sunli");
    const made = await createRequirement(t.db, sunli, {
      opportunityId: seeded.opportunity.id,
      title: "传动轴加长型",
      productId: seeded.product.id,
      extraParams: [{ name: "长度", value: "320 mm" }, { name: "图号", value: "DWG-0815" }],
      quantity: 500,
      targetDate: "2027-03-01",
      description: "客户要求加长 20 mm，其余按标准件。",
    });
    expect(made.code).toMatch(/^RQ\d{6}$/);
    const r = await getRequirement(t.db, sunli, made.id);
    expect(r.customerCode).toBe(seeded.customer.code);
    expect(r.category?.name).toBe("传动轴类");
    expect(r.linkedParams.map((p) => [p.labelZh, p.value])).toEqual([["材料", "42CrMo"], ["公差", "0.01 mm"], ["表面处理", "阳极氧化"]]);
    expect(r.extraParams).toEqual([{ name: "长度", value: "320 mm" }, { name: "图号", value: "DWG-0815" }]);
    expect(await t.db.auditLog.count({ where: { action: "requirement.create", entityId: made.id } })).toBe(1);
    // The product library changes: the requirement shows the new value (linked, not copied).
    await t.db.product.update({ where: { id: seeded.product.id }, data: { techParams: { material: "40Cr", tolerance: 0.01, surface: "anodize" } } });
    expect((await getRequirement(t.db, sunli, made.id)).linkedParams[0].value).toBe("40Cr");
  });

  it("refuses bad input and other people's opportunities, changing nothing", async () => {
    const sunli = await t.actor("sunli");
    const majun = await t.actor("majun");
    const before = await t.db.productRequirement.count();
    await expect(createRequirement(t.db, sunli, { opportunityId: seeded.opportunity.id, title: "x" })).rejects.toMatchObject({ code: "validation", fieldErrors: { title: "validation.too_small" } });
    await expect(createRequirement(t.db, majun, { opportunityId: seeded.opportunity.id, title: "别人的商机" })).rejects.toMatchObject({ code: "validation", fieldErrors: { opportunityId: "validation.pick_from_list" } });
    await expect(createRequirement(t.db, sunli, { opportunityId: seeded.opportunity.id, title: "重复参数", extraParams: [{ name: "长度", value: "1" }, { name: "长度", value: "2" }] })).rejects.toMatchObject({ code: "validation" });
    await expect(createRequirement(t.db, sunli, { opportunityId: seeded.opportunity.id, title: "未知产品", productId: "00000000-0000-4000-8000-000000000009" })).rejects.toMatchObject({ fieldErrors: { productId: "validation.pick_from_list" } });
    expect(await t.db.productRequirement.count()).toBe(before);
  });

  it("lists the library by text, customer, category and status, within the customers one sees", async () => {
    const sunli = await t.actor("sunli");
    const list = await listRequirements(t.db, sunli, { q: "加长" });
    expect(list.rows.map((r) => r.title)).toEqual(["传动轴加长型"]);
    expect((await listRequirements(t.db, sunli, { q: "dwg" })).total).toBe(0);
    expect((await listRequirements(t.db, sunli, { customer: seeded.customer.id, category: seeded.category.id, status: "draft" })).total).toBe(1);
    expect((await listRequirements(t.db, sunli, { status: "approved" })).total).toBe(0);
    expect((await listRequirements(t.db, await t.actor("majun"), {})).total).toBe(0);
    const id = list.rows[0].id;
    await expect(getRequirement(t.db, await t.actor("majun"), id)).rejects.toMatchObject({ code: "not_found" });
    expect(await requirementOwnerAccess.canWrite(sunli, id, t.db)).toBe(true);
    expect(await requirementOwnerAccess.canRead(await t.actor("majun"), id, t.db)).toBe(false);
  });

  it("runs the review flow: design reviews, the decision becomes the status, a second start is refused", async () => {
    const sunli = await t.actor("sunli");
    const { rows } = await listRequirements(t.db, sunli, { q: "加长" });
    const started = await startRequirementReview(t.db, sunli, rows[0].id);
    expect((await t.db.productRequirement.findUniqueOrThrow({ where: { id: rows[0].id } })).status).toBe("reviewing");
    await expect(startRequirementReview(t.db, sunli, rows[0].id)).rejects.toMatchObject({ code: "requirement_review_not_possible" });
    const task = await t.db.task.findFirstOrThrow({ where: { instanceId: started.id, status: "open" } });
    expect(task.candidateGroups).toContain("design");
    await expect(completeTask(t.db, await t.actor("wumin"), { taskId: task.id, data: { feasibility: "with_changes", decision: "reject" } })).rejects.toMatchObject({ code: "validation" });
    await completeTask(t.db, await t.actor("wumin"), { taskId: task.id, data: { feasibility: "with_changes", decision: "reject", comment: "长度公差需放宽到 0.02" } });
    await drainJobs(t.db);
    const rejected = await t.db.productRequirement.findUniqueOrThrow({ where: { id: rows[0].id } });
    expect([rejected.status, rejected.reviewNote]).toEqual(["rejected", "长度公差需放宽到 0.02"]);
    // A rejected requirement may go to review again; approved, it is settled.
    const again = await startRequirementReview(t.db, sunli, rows[0].id);
    const second = await t.db.task.findFirstOrThrow({ where: { instanceId: again.id, status: "open" } });
    await completeTask(t.db, await t.actor("wumin"), { taskId: second.id, data: { feasibility: "feasible", decision: "approve" } });
    await drainJobs(t.db);
    expect((await t.db.productRequirement.findUniqueOrThrow({ where: { id: rows[0].id } })).status).toBe("approved");
    await expect(startRequirementReview(t.db, sunli, rows[0].id)).rejects.toMatchObject({ code: "requirement_review_not_possible" });
    await expect(startRequirementReview(t.db, await t.actor("majun"), rows[0].id)).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.auditLog.count({ where: { action: { in: ["requirement.approved", "requirement.rejected"] }, entityId: rows[0].id } })).toBe(2);
  });
});
