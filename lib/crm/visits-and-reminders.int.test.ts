import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { createLocalFileStorage } from "../files/local-file-storage";
import { PDF_SMALL, PNG_1X1 } from "../files/test-fixtures";
import { uploadFile } from "../files/upload-file";
import { advanceClock, resetClock } from "../workflow/clock";
import { attachVisitPhoto } from "./attach-visit-photo";
import { ensureColdCustomerSweep, runColdCustomerSweep } from "./cold-customer-sweep";
import { parseCustomerListQuery } from "./customer-lists.schema";
import { getCustomer } from "./get-customer";
import { listCustomers } from "./list-customers";
import { logCustomerContact } from "./log-customer-contact";

const kinds = await dbKinds();
const DAY = 86_400_000;

describe.each(kinds)("phone search, visits with photo and place, cold-customer reminders (CRM-10) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let storage: ReturnType<typeof createLocalFileStorage>;
  const id = async (name: string) => (await t.db.customer.findFirstOrThrow({ where: { name } })).id;
  const found = async (username: string, q: string) => (await listCustomers(t.db, await t.actor(username), parseCustomerListQuery({ view: "all", q }))).rows.map((r) => r.name);
  beforeAll(async () => {
    t = await erpTestDb(kind);
    storage = createLocalFileStorage(await fs.mkdtemp(path.join(os.tmpdir(), "ff-visits-")));
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });

  it("finds a customer by pinyin initials and by the digits of a phone number however it was typed, within what the rep sees", async () => {
    expect(await found("sunli", "hlj")).toEqual(["苏州恒力精工机械有限公司"]);
    // 长盈 read alone (cy), not as the "mayor" (市长, zhang) the whole name suggests.
    expect(await found("majun", "cyjm")).toEqual(["东莞市长盈精密技术有限公司"]);
    expect(await found("sunli", "62523300")).toEqual(["苏州恒力精工机械有限公司"]);
    expect(await found("sunli", "6252 3300")).toEqual(["苏州恒力精工机械有限公司"]);
    // A contact's phone (not the customer's own number) finds it too.
    const cy = await id("东莞市长盈精密技术有限公司");
    await t.db.customerContact.create({ data: { customerId: cy, name: "采购部 何经理", phone: "138-2690-1234" } });
    expect(await found("majun", "13826901234")).toEqual(["东莞市长盈精密技术有限公司"]);
    expect(await found("sunli", "13826901234")).toEqual([]);
  });

  it("logs a visit with the place and a photo; the photo is the log's, attached only by who logged it and only an image", async () => {
    const sunli = await t.actor("sunli");
    const customerId = await id("苏州恒力精工机械有限公司");
    const log = await logCustomerContact(t.db, sunli, { customerId, kind: "visit", note: "现场看了新产线，客户关注交期。", latitude: 31.2604, longitude: 120.5337, accuracy: 18.4 });
    const upload = (who: typeof sunli, body: Buffer, fileName: string) => uploadFile(t.db, who, { ownerType: "CustomerLog", ownerId: log.id, fileName, body: Readable.from([body]) }, { storage });
    await expect(upload(await t.actor("gaoyan"), PNG_1X1, "x.png")).rejects.toMatchObject({ code: "forbidden" });
    const photo = await upload(sunli, PNG_1X1, "现场.png");
    await expect(attachVisitPhoto(t.db, await t.actor("zhoujie"), log.id, photo.id)).rejects.toMatchObject({ code: "not_found" });
    const pdf = await upload(sunli, PDF_SMALL, "报价.pdf");
    await expect(attachVisitPhoto(t.db, sunli, log.id, pdf.id)).rejects.toMatchObject({ code: "file_type_not_allowed" });
    await attachVisitPhoto(t.db, sunli, log.id, photo.id);
    const detail = await getCustomer(t.db, sunli, customerId);
    expect(detail.logs[0]).toMatchObject({ id: log.id, photoFileId: photo.id, latitude: 31.2604, longitude: 120.5337, accuracy: 18.4 });
    expect(await t.db.auditLog.count({ where: { action: "customer.visit_photo", entityId: customerId } })).toBe(1);
    // Refused or unavailable position: the visit is still logged, without a place (half a position counts as none).
    const blind = await logCustomerContact(t.db, sunli, { customerId, kind: "visit", note: "定位被拒绝时也能记录。", latitude: 31.2, longitude: null });
    expect(await t.db.customerLog.findUniqueOrThrow({ where: { id: blind.id } })).toMatchObject({ latitude: null, longitude: null, accuracy: null, photoFileId: null });
  });

  it("tells the owner once when a customer goes cold, and again only after a new contact and a new cold spell", async () => {
    const cold = async (name: string) => t.db.notification.count({ where: { kind: "crm.customer_cold", title: { contains: name } } });
    await ensureColdCustomerSweep(t.db);
    await ensureColdCustomerSweep(t.db);
    await drainJobs(t.db);
    const tuopu = await id("宁波拓普集团股份有限公司");
    const sunliId = (await t.actor("sunli")).id;
    expect(await t.db.notification.findFirst({ where: { kind: "crm.customer_cold", link: `/crm/customers/${tuopu}` } })).toMatchObject({ recipientId: sunliId, title: expect.stringMatching(/^客户「宁波拓普集团股份有限公司」已 \d+ 天未联系$/) });
    expect(await cold("中山大洋电机")).toBe(1);
    expect(await cold("苏州恒力精工")).toBe(0);
    await runColdCustomerSweep(t.db);
    await runColdCustomerSweep(t.db);
    expect(await cold("宁波拓普")).toBe(1);

    await logCustomerContact(t.db, await t.actor("sunli"), { customerId: tuopu, kind: "call", note: "重新联系上采购经理。" });
    await runColdCustomerSweep(t.db);
    expect(await cold("宁波拓普")).toBe(1);
    advanceClock(91 * DAY);
    await runColdCustomerSweep(t.db);
    expect(await cold("宁波拓普")).toBe(2);
    expect(await cold("中山大洋电机")).toBe(1);
  });
});
