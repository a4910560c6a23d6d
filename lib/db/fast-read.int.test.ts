import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dbKinds, freshDb } from "@/test/db";
import { fastRead } from "./fast-read";
import { Prisma } from "./generated/client";

const kinds = await dbKinds();

// Hot reads bypass Prisma on PostgreSQL; their rows must be what $queryRaw gives,
// also when the server's time zone is not UTC (Prisma stores DateTime as UTC).
describe.each(kinds)("fastRead on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  const tz = process.env.TZ;
  beforeAll(async () => {
    opened = await freshDb(kind);
  });
  afterAll(async () => {
    await opened?.close();
  });
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it("reads timestamps as UTC and sends Date parameters as UTC, in any local time zone", async () => {
    process.env.TZ = "Asia/Shanghai";
    expect(new Date("2026-01-02T03:04:05").toISOString()).toBe("2026-01-01T19:04:05.000Z");
    const at = new Date("2026-01-02T03:04:05.678Z");
    const e = await opened.db.employee.create({ data: { username: `tz_${kind}`, name: "时区", passwordHash: "x", createdAt: at } });
    const sql = Prisma.sql`SELECT "id", "createdAt", "updatedAt" FROM "Employee" WHERE "createdAt" = ${at} AND "createdAt" > ${new Date(at.getTime() - 1)}`;
    const rows = await fastRead<{ id: string; createdAt: Date; updatedAt: Date }>(opened.db, sql);
    expect(rows).toEqual([{ id: e.id, createdAt: at, updatedAt: e.updatedAt }]);
    expect(rows).toEqual(await opened.db.$queryRaw(sql));
  });

  it("gives numbers, text arrays, JSON and NULLs as $queryRaw does", async () => {
    const sql = Prisma.sql`SELECT 5::int AS n, ${["采购", "b"]}::text[] AS arr, '{"title":"标题","n":[1,2]}'::jsonb -> 'title' AS title,
      '{"n":[1,2]}'::jsonb AS j, NULL::timestamp(3) AS nothing, 'open'::text AS s`;
    const rows = await fastRead(opened.db, sql);
    expect(rows).toEqual([{ n: 5, arr: ["采购", "b"], title: "标题", j: { n: [1, 2] }, nothing: null, s: "open" }]);
    expect(rows).toEqual(await opened.db.$queryRaw(sql));
  });
});
