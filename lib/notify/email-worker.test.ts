import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { publishDefinition } from "@/lib/workflow/publish-definition";
import { startInstance } from "@/lib/workflow/start-instance";
import { freshDb } from "@/test/db";
import { bpmn } from "@/test/workflow-fixtures";
import { sendPendingEmails } from "./email-worker";

type Mail = { from: string; to: string[]; body: string };

describe("task e-mails over a real SMTP server", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  const received: Mail[] = [];
  let failNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, cb) {
      let body = "";
      stream.on("data", (c: Buffer) => (body += c.toString("utf8")));
      stream.on("end", () => {
        if (failNext-- > 0) return cb(new Error("mailbox busy"));
        received.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), body });
        cb();
      });
    },
  });
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    port = (server.server.address() as { port: number }).port;
    opened = await freshDb("pglite");
    await seedDemo(opened.db);
    // The demo's own notifications (leads given to their owners) are not what these tests mail.
    await opened.db.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date() } });
    await publishDefinition(opened.db, SYSTEM, bpmn("mail", `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/><bpmn:userTask id="t" name="质检放行" ff:candidateGroups="quality"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/>`));
  });
  afterAll(async () => {
    await opened?.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const cfg = () => ({ host: "127.0.0.1", port, secure: false, from: "flow@factory.test" });

  it("mails every member of the candidate group once, and retries a failed send", async () => {
    await startInstance(opened.db, SYSTEM, { key: "mail" });
    failNext = 1;
    const first = await sendPendingEmails(opened.db, cfg(), "http://factory.test");
    const second = await sendPendingEmails(opened.db, cfg(), "http://factory.test");
    expect(first + second).toBe(2);
    expect(await sendPendingEmails(opened.db, cfg())).toBe(0);
    const to = received.flatMap((m) => m.to).sort();
    expect(to).toEqual(["chenjing@demo.factory", "yangfan@demo.factory"]);
    expect(received[0].body).toContain("http://factory.test/inbox/");
    expect(await opened.db.notification.count({ where: { emailedAt: null } })).toBe(0);
  });

  it("mails a document reminder as a reminder, not as a task", async () => {
    const supplier = await opened.db.supplierUser.findUniqueOrThrow({ where: { username: "supplier2" } });
    await opened.db.notification.create({ data: { recipientRealm: "supplier", recipientId: supplier.id, kind: "certificate.expiring", title: "营业执照将于 2026-12-31 到期（剩 30 天）", link: "/portal/documents" } });
    received.length = 0;
    expect(await sendPendingEmails(opened.db, cfg(), "http://factory.test")).toBe(1);
    expect(received[0].to).toEqual(["supplier2@supplier.demo"]);
    expect(received[0].body).toContain("http://factory.test/portal/documents");
    expect(received[0].body).not.toContain("待办");
  });
});
