import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds, freshDb } from "@/test/db";
import { syncShippedProcesses } from "./sync-shipped-processes";

const kinds = await dbKinds();

describe.each(kinds)("shipping the processes at every start on %s", (kind) => {
  let t: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    t = await freshDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("publishes each process once: a second start with the same files publishes nothing (pins of several forms included)", async () => {
    expect(await syncShippedProcesses(t.db)).toEqual(expect.arrayContaining(["purchase_order_confirmation@1", "supplier_delivery@1"]));
    expect(await syncShippedProcesses(t.db)).toEqual([]);
  });
});
