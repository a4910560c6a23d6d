import { afterEach, describe, expect, it } from "vitest";
import { DOMAIN_MODULES } from "@/lib/server/domain-modules";
import { installModules, jobKind, listServiceHandlers, serviceHandler } from "./registry";

const g = globalThis as { __ffRegistry?: unknown };

describe("workflow registry (composition root)", () => {
  const saved = g.__ffRegistry;
  afterEach(() => {
    g.__ffRegistry = saved;
  });

  it("knows every domain's handlers and job kinds once installed (test set-up installs them)", () => {
    expect(serviceHandler("erp.postGoodsReceipt")).toBeDefined();
    expect(serviceHandler("srm.markPotential")).toBeDefined();
    expect(jobKind("erp.write")).toBeDefined();
    expect(jobKind("srm.startInitialReview")).toBeDefined();
    expect(listServiceHandlers().map((h) => h.name)).toContain("ledger.record");
  });

  it("fails loudly when read before installation", () => {
    g.__ffRegistry = undefined;
    expect(() => serviceHandler("ledger.record")).toThrow(/before the domain modules were installed/);
    expect(() => jobKind("erp.write")).toThrow(/installDomainModules/);
  });

  it("installing the same modules again is harmless", () => {
    installModules(DOMAIN_MODULES);
    installModules(DOMAIN_MODULES);
    expect(serviceHandler("ledger.record")).toBeDefined();
  });

  it("refuses a module that claims another module's handler or job kind", () => {
    expect(() => installModules([{ name: "rogue-handler", serviceHandlers: [{ name: "erp.postGoodsReceipt", labelZh: "x", labelEn: "x", run: async () => {} }] }])).toThrow(/service handler/);
    expect(() => installModules([{ name: "rogue-job", jobKinds: [{ kind: "erp.write", run: async () => {} }] }])).toThrow(/job kind/);
    expect(() => installModules([{ name: "erp" }])).toThrow(/installed already/);
  });
});
