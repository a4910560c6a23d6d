import { describe, expect, it } from "vitest";
import { listHref } from "@/components/ui/list-href";

describe("listHref", () => {
  it("leaves out blank values, 'all' and page 1", () => {
    expect(listHref("/integration/log", { dir: "all", status: "", op: null, from: undefined, page: 1 })).toBe("/integration/log");
    expect(listHref("/integration/log", { dir: "write", op: "write.postGoodsReceipt", page: 3 })).toBe("/integration/log?dir=write&op=write.postGoodsReceipt&page=3");
  });

  it("encodes what it keeps", () => {
    expect(listHref("/processes/instances", { bk: "PO 1/2&x", page: 0 })).toBe("/processes/instances?bk=PO+1%2F2%26x");
  });
});
