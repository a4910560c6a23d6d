import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { createLocalFileStorage } from "@/lib/files/local-file-storage";
import { openFileDownload } from "@/lib/files/open-file-download";
import { ownerAccessFor } from "@/lib/files/owner-access";
import { PDF_SMALL } from "@/lib/files/test-fixtures";
import { uploadFile } from "@/lib/files/upload-file";
import { claimTask } from "@/lib/workflow/task-actions";
import { syncShippedProcesses } from "@/lib/workflow/sync-shipped-processes";
import { freshDb } from "@/test/db";
import { employee, openTasks, supplierUser } from "@/test/workflow-fixtures";
import { listInstanceFiles } from "./list-instance-files";
import { startByHand as startProcess } from "@/lib/workflow/start-by-hand";

describe("attachments of a process instance", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let dir: string;
  let storage: ReturnType<typeof createLocalFileStorage>;
  beforeAll(async () => {
    opened = await freshDb("pglite");
    await seedDemo(opened.db);
    await syncShippedProcesses(opened.db);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ff-inbox-files-"));
    storage = createLocalFileStorage(dir);
  });
  afterAll(async () => {
    await opened?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const upload = (actor: Actor, ownerId: string) =>
    uploadFile(opened.db, actor, { ownerType: "ProcessInstance", ownerId, fileName: "8D 报告.pdf", body: Readable.from([PDF_SMALL]) }, { storage });

  it("follow the instance: its tasks' people, its starter, process operators, and its supplier's users", async () => {
    const db = opened.db;
    const access = ownerAccessFor("ProcessInstance")!;
    const who = async (u: string) => (u.startsWith("supplier") ? supplierUser(db, u) : employee(db, u));
    const s001 = (await db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;

    const qi = await startProcess(db, await who("chenjing"), { key: "quality_issue", data: { supplierId: s001, title: "表面划伤", description: "外观不良" } });
    const file = await upload(await who("supplier1"), qi.id);
    expect(file).toMatchObject({ ownerType: "ProcessInstance", ownerId: qi.id });
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: file.id } })).supplierId).toBe(s001);

    const expectations: [string, boolean][] = [
      ["supplier1", true], // the instance's supplier
      ["supplier2", false], // another supplier
      ["chenjing", true], // started it
      ["yangfan", false], // quality group, but no task of this instance is offered to quality yet
      ["admin", true], // process.operate
      ["sunli", false], // nothing to do with it
    ];
    for (const [u, allowed] of expectations) {
      const actor = await who(u);
      expect(await access.canRead(actor, qi.id, db), `${u} reads`).toBe(allowed);
      expect(await access.canWrite(actor, qi.id, db), `${u} writes`).toBe(allowed);
      if (allowed) {
        expect((await listInstanceFiles(db, actor, qi.id)).files.map((f) => f.id)).toEqual([file.id]);
        const { stream } = await openFileDownload(db, actor, file.id, { storage });
        stream.destroy();
      } else {
        await expect(listInstanceFiles(db, actor, qi.id)).rejects.toMatchObject({ code: "not_found" });
        await expect(openFileDownload(db, actor, file.id, { storage })).rejects.toMatchObject({ code: "not_found" });
        await expect(upload(actor, qi.id)).rejects.toMatchObject({ code: "forbidden" });
      }
    }

    // A purchase requisition has no supplier: no portal user reaches it; its group's members do.
    const pr = await startProcess(db, await who("lina"), { key: "purchase_requisition", data: { title: "劳保用品", amount: "800" } });
    expect(await access.canRead(await who("supplier1"), pr.id, db)).toBe(false);
    expect(await access.canRead(await who("liuyang"), pr.id, db)).toBe(true);
    expect(await access.canRead(await who("zhangwei"), pr.id, db)).toBe(false);
    // Once a task is someone's, that person keeps access, also after it moved on.
    const [task] = await openTasks(db, pr.id);
    await claimTask(db, await who("liuyang"), task.id);
    expect(await access.canRead(await who("liuyang"), pr.id, db)).toBe(true);
    // Malformed or unknown ids are simply refused.
    expect(await access.canRead(await who("admin"), "not-an-id", db)).toBe(false);
    expect(await access.canRead(await who("admin"), "00000000-0000-4000-8000-000000000000", db)).toBe(false);
  });
});
