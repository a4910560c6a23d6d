import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { syncShippedProcesses } from "@/lib/workflow/sync-shipped-processes";
import { freshDb } from "@/test/db";
import { employee, supplierUser } from "@/test/workflow-fixtures";
import { listNotifications } from "./list-notifications";
import { markAllNotificationsRead, markNotificationRead } from "./mark-notifications-read";
import { startByHand as startProcess } from "@/lib/workflow/start-by-hand";

describe("notifications", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb("pglite");
    await seedDemo(opened.db);
    await syncShippedProcesses(opened.db);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("are read and marked by their recipient only, in the recipient's realm", async () => {
    const db = opened.db;
    const chenjing = await employee(db, "chenjing");
    const lina = await employee(db, "lina");
    const liuyang = await employee(db, "liuyang");
    const supplier1 = await supplierUser(db, "supplier1");
    const supplier2 = await supplierUser(db, "supplier2");
    const s001 = (await db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;

    await startProcess(db, lina, { key: "purchase_requisition", data: { title: "螺丝刀", amount: "300" } });
    await startProcess(db, chenjing, { key: "quality_issue", data: { supplierId: s001, title: "尺寸超差", description: "孔径偏大" } });

    const forLiuyang = await listNotifications(db, liuyang);
    expect(forLiuyang.unread).toBe(1);
    expect(forLiuyang.items[0]).toMatchObject({ title: "采购部审核", kind: "task.offered", read: false });
    const forSupplier1 = await listNotifications(db, supplier1);
    expect(forSupplier1.items.map((n) => [n.title, n.link?.startsWith("/portal/tasks/")])).toEqual([["供应商提交纠正措施", true]]);
    expect((await listNotifications(db, supplier2)).items).toEqual([]);

    // Someone else's notification, in either realm, is not found and stays unread.
    await expect(markNotificationRead(db, lina, forLiuyang.items[0].id)).rejects.toMatchObject({ code: "not_found" });
    await expect(markNotificationRead(db, supplier2, forSupplier1.items[0].id)).rejects.toMatchObject({ code: "not_found" });
    // An employee whose id matched a portal user's would still not reach it: the realm is part of the key.
    await db.notification.create({ data: { recipientRealm: "supplier", recipientId: liuyang.id, kind: "test", title: "realm test" } });
    expect((await listNotifications(db, liuyang)).items.map((n) => n.title)).not.toContain("realm test");
    expect(await markAllNotificationsRead(db, lina)).toEqual({ count: 1 }); // lina's is her own group's offer
    expect((await listNotifications(db, liuyang)).unread).toBe(1);

    const read = await markNotificationRead(db, liuyang, forLiuyang.items[0].id);
    expect(read.link).toMatch(/^\/inbox\//);
    expect((await listNotifications(db, liuyang)).unread).toBe(0);
    expect(await markAllNotificationsRead(db, supplier1)).toEqual({ count: 1 });
    expect((await listNotifications(db, supplier1, { unreadOnly: true })).items).toEqual([]);
    expect(await db.notification.count({ where: { recipientRealm: "supplier", recipientId: liuyang.id, readAt: null } })).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "Notification" } })).toBe(3);
  });
});
