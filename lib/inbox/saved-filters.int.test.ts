import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { freshDb } from "@/test/db";
import { employee, supplierUser } from "@/test/workflow-fixtures";
import { deleteSavedFilter } from "./delete-saved-filter";
import { listSavedFilters } from "./list-saved-filters";
import { saveFilter } from "./save-filter";

describe("saved inbox filters", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb("pglite");
    await seedDemo(opened.db);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("are private unless shared with one of the owner's groups, and only the owner deletes them", async () => {
    const db = opened.db;
    const lina = await employee(db, "lina"); // purchasing
    const liuyang = await employee(db, "liuyang"); // purchasing
    const chenjing = await employee(db, "chenjing"); // quality

    const own = await saveFilter(db, lina, { name: "我的逾期", sharedGroupKey: null, query: { view: "mine", due: "overdue", page: 7 } });
    const shared = await saveFilter(db, lina, { name: "采购组：采购申请", sharedGroupKey: "purchasing", query: { view: "group", process: "purchase_requisition", sort: "dueAt", dir: "asc" } });

    const linas = await listSavedFilters(db, lina);
    expect(linas.map((f) => [f.name, f.mine])).toEqual([
      ["我的逾期", true],
      ["采购组：采购申请", true],
    ]);
    // The page is not part of a saved filter; bad values fall back to defaults.
    expect(linas[0].query).toEqual({ view: "mine", due: "overdue", sort: "createdAt", dir: "desc", size: 20 });

    const liuyangs = await listSavedFilters(db, liuyang);
    expect(liuyangs.map((f) => [f.name, f.mine, f.ownerName])).toEqual([["采购组：采购申请", false, "李娜"]]);
    expect(liuyangs[0].query).toMatchObject({ view: "group", process: "purchase_requisition", sort: "dueAt", dir: "asc" });
    expect(await listSavedFilters(db, chenjing)).toEqual([]);

    await expect(deleteSavedFilter(db, liuyang, shared.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveFilter(db, lina, { name: "x", sharedGroupKey: "quality", query: {} })).rejects.toMatchObject({ code: "validation", fieldErrors: { sharedGroupKey: "validation.unknown_group" } });
    await expect(listSavedFilters(db, await supplierUser(db, "supplier1"))).rejects.toMatchObject({ code: "forbidden" });

    await deleteSavedFilter(db, lina, shared.id);
    expect(await listSavedFilters(db, liuyang)).toEqual([]);
    expect(await db.auditLog.count({ where: { entity: "SavedFilter", entityId: { in: [own.id, shared.id] } } })).toBe(3);
  });
});
