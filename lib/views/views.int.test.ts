import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { employee, supplierUser } from "@/test/workflow-fixtures";
import { deleteView } from "./delete-view";
import { listViews } from "./list-views";
import { saveView } from "./save-view";

const kinds = await dbKinds();

describe.each(kinds)("saved views of a list on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("keep a list's search params per employee and list, names unique per both, audited", async () => {
    const db = opened.db;
    const sunli = await employee(db, "sunli");
    const gaoyan = await employee(db, "gaoyan");

    const a = await saveView(db, sunli, { listKey: "crm.customers", name: " A级客户 ", search: "?page=3&level=A&q=&stage=customer" });
    expect(a).toMatchObject({ name: "A级客户", search: "level=A&stage=customer" });
    await saveView(db, sunli, { listKey: "crm.customers", name: "冷客户", search: "contact=cold" });
    // The same name on another list, or by another employee, is a different view.
    await saveView(db, sunli, { listKey: "crm.opportunities", name: "A级客户", search: "stage=quotation" });
    await saveView(db, gaoyan, { listKey: "crm.customers", name: "A级客户", search: "level=A" });
    await expect(saveView(db, sunli, { listKey: "crm.customers", name: "A级客户", search: "level=B" })).rejects.toMatchObject({ code: "validation", fieldErrors: { name: "validation.taken" } });
    await expect(saveView(db, sunli, { listKey: "inbox", name: "x", search: "" })).rejects.toMatchObject({ code: "validation", fieldErrors: { listKey: "validation.invalid_format" } });
    await expect(saveView(db, sunli, { listKey: "crm.customers", name: "  ", search: "" })).rejects.toMatchObject({ code: "validation", fieldErrors: { name: "validation.too_small" } });

    expect(await listViews(db, sunli, "crm.customers")).toEqual([
      { id: a.id, name: "A级客户", search: "level=A&stage=customer" },
      { id: expect.any(String), name: "冷客户", search: "contact=cold" },
    ]);
    expect((await listViews(db, sunli, "crm.opportunities")).map((v) => v.search)).toEqual(["stage=quotation"]);
    expect((await listViews(db, gaoyan, "crm.customers")).map((v) => v.search)).toEqual(["level=A"]);

    // Only the owner deletes a view.
    await expect(deleteView(db, gaoyan, a.id)).rejects.toMatchObject({ code: "not_found" });
    await deleteView(db, sunli, a.id);
    expect((await listViews(db, sunli, "crm.customers")).map((v) => v.name)).toEqual(["冷客户"]);
    expect(await db.auditLog.count({ where: { entity: "SavedFilter", entityId: a.id } })).toBe(2);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "view.save", entityId: a.id } })).toMatchObject({ after: { listKey: "crm.customers", name: "A级客户", search: "level=A&stage=customer" } });
    await expect(listViews(db, await supplierUser(db, "supplier1"), "crm.customers")).rejects.toMatchObject({ code: "forbidden" });
  });
});
