import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createLocalFileStorage } from "@/lib/files/local-file-storage";
import { openFileDownload } from "@/lib/files/open-file-download";
import { ownerAccessFor } from "@/lib/files/owner-access";
import { PDF_SMALL } from "@/lib/files/test-fixtures";
import { uploadFile } from "@/lib/files/upload-file";
import { createEmployee } from "@/lib/org/save-employee";
import { RE_REVIEW, startReReview } from "@/lib/srm/re-review";
import { completeTask } from "@/lib/workflow/complete-task";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { employee, supplierUser } from "@/test/workflow-fixtures";
import { createSubstitution } from "./create-substitution";
import { listInstanceFiles } from "./list-instance-files";

const kinds = await dbKinds();
const ymd = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);

/*
 * 供应商复核: the proof documents are kept on the supplier, not on the flow.
 * The reviewer must find them on the task and open them; nobody else gains
 * anything, and a portal user still reaches only their own supplier's files.
 */
describe.each(kinds)("the documents of the record a task is about on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let dir: string;
  let storage: ReturnType<typeof createLocalFileStorage>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ff-record-files-"));
    storage = createLocalFileStorage(dir);
  });
  afterAll(async () => {
    await t?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const upload = (actor: Actor, ownerType: "Supplier" | "ProcessInstance", ownerId: string, fileName: string) =>
    uploadFile(t.db, actor, { ownerType, ownerId, fileName, body: Readable.from([PDF_SMALL]) }, { storage });
  const opens = async (actor: Actor, fileId: string) => {
    try {
      (await openFileDownload(t.db, actor, fileId, { storage })).stream.destroy();
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === "not_found") return false;
      throw e;
    }
  };

  it("lists the supplier's licence on the re-review task, labelled as the supplier's, openable by the reviewers while the review runs", async () => {
    const db = t.db;
    const lead = await t.actor("liuyang");
    const s = await db.supplier.create({ data: { code: "S310", name: "常州精工模具有限公司", status: "potential" } });
    const licence = await upload(lead, "Supplier", s.id, "营业执照.pdf");
    await startReReview(db, lead, { supplierId: s.id, username: "s310", name: "周明", email: "" });
    const task = await db.task.findFirstOrThrow({ where: { elementId: "re_review", status: "open", instance: { recordId: s.id, definition: { key: RE_REVIEW.key } } } });
    const chenjing = await t.actor("chenjing");
    const report = await upload(chenjing, "ProcessInstance", task.instanceId, "现场审核记录.pdf");

    // The reviewer sees both: the flow's own attachment and the supplier's document, told apart.
    const listed = await listInstanceFiles(db, chenjing, task.instanceId);
    expect(listed.files.map((f) => [f.name, f.ownerType])).toEqual([["现场审核记录.pdf", "ProcessInstance"], ["营业执照.pdf", "Supplier"]]);
    expect(listed.files.find((f) => f.id === licence.id)).toBeDefined();
    expect(await opens(chenjing, licence.id)).toBe(true);
    expect(await opens(chenjing, report.id)).toBe(true);

    // A quality-group member without any purchasing role (no srm.view) reads it while the review runs...
    const admin = await t.actor("admin");
    const quality = await db.department.findUniqueOrThrow({ where: { code: "quality" } });
    await createEmployee(db, admin, { username: "qc_intern", name: "实习质检员", departmentId: quality.id, password: "Intern@2026x", roles: [], groups: ["quality"] });
    const intern = await employee(db, "qc_intern");
    expect(await ownerAccessFor("Supplier")!.canRead(intern, s.id, db)).toBe(true);
    expect((await listInstanceFiles(db, intern, task.instanceId)).files.map((f) => f.name)).toContain("营业执照.pdf");
    expect(await opens(intern, licence.id)).toBe(true);
    // ...and so does whoever stands in for a reviewer (sales has no srm.view).
    const sunli = await employee(db, "sunli");
    expect(await opens(sunli, licence.id)).toBe(false);
    await createSubstitution(db, await employee(db, "yangfan"), { substituteId: sunli.id, startsOn: ymd(new Date()), endsOn: ymd(new Date()), reason: null });
    expect(await opens(sunli, licence.id)).toBe(true);
    // Nobody may add to the supplier's documents through this.
    expect(await ownerAccessFor("Supplier")!.canWrite(intern, s.id, db)).toBe(false);

    // Portal users of other suppliers get nothing, neither the list nor the file.
    const supplier1 = await supplierUser(db, "supplier1");
    await expect(listInstanceFiles(db, supplier1, task.instanceId)).rejects.toMatchObject({ code: "not_found" });
    expect(await opens(supplier1, licence.id)).toBe(false);

    // Once the review is over, the task no longer opens the door.
    await completeTask(db, chenjing, { taskId: task.id, data: { decision: "approve", comment: "资质齐全" } });
    await drainJobs(db);
    expect(await opens(intern, licence.id)).toBe(false);
    expect(await opens(sunli, licence.id)).toBe(false);
    expect(await opens(chenjing, licence.id)).toBe(true); // srm.view
  });

  it("a portal user sees their own supplier's documents on their tasks' instances, never another supplier's", async () => {
    const db = t.db;
    const s001 = await db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    const s002 = await db.supplier.findUniqueOrThrow({ where: { code: "S002" } });
    const supplier1 = await supplierUser(db, "supplier1");
    const own = await upload(supplier1, "Supplier", s001.id, "ISO9001.pdf");
    const other = await upload(await supplierUser(db, "supplier2"), "Supplier", s002.id, "S002 证书.pdf");
    expect(await opens(supplier1, own.id)).toBe(true);
    expect(await opens(supplier1, other.id)).toBe(false);
    expect(await ownerAccessFor("Supplier")!.canRead(supplier1, s002.id, db)).toBe(false);
  });
});
