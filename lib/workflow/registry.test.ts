import { afterEach, describe, expect, it } from "vitest";
import { DOMAIN_MODULES } from "@/lib/server/domain-modules";
import { formDefinition, installModules, jobKind, listServiceHandlers, serviceHandler } from "./registry";

const g = globalThis as { __ffRegistry?: unknown };

describe("workflow registry (composition root)", () => {
  const saved = g.__ffRegistry;
  afterEach(() => {
    g.__ffRegistry = saved;
  });

  it("knows every domain's forms, handlers and job kinds once installed (test set-up installs them)", () => {
    expect(formDefinition("approval")?.fields.length).toBeGreaterThan(0);
    expect(formDefinition("po_confirmation")?.fields.length).toBeGreaterThan(0);
    expect(formDefinition("delivery_receipt")?.fields.length).toBeGreaterThan(0);
    expect(serviceHandler("erp.postGoodsReceipt")).toBeDefined();
    expect(serviceHandler("srm.markPotential")).toBeDefined();
    expect(jobKind("erp.write")).toBeDefined();
    expect(jobKind("srm.startInitialReview")).toBeDefined();
    expect(listServiceHandlers().map((h) => h.name)).toContain("ledger.record");
  });

  it("fails loudly when read before installation", () => {
    g.__ffRegistry = undefined;
    expect(() => formDefinition("approval")).toThrow(/before the domain modules were installed/);
    expect(() => serviceHandler("ledger.record")).toThrow(/installDomainModules/);
    expect(() => jobKind("erp.write")).toThrow(/installDomainModules/);
  });

  it("installing the same modules again is harmless", () => {
    installModules(DOMAIN_MODULES);
    installModules(DOMAIN_MODULES);
    expect(formDefinition("approval")).toBeDefined();
  });

  it("refuses a module that claims another module's form, handler or job kind", () => {
    expect(() => installModules([{ name: "rogue-form", forms: [{ key: "approval", titleZh: "x", titleEn: "x", fields: [] }] }])).toThrow(/form "approval"/);
    expect(() => installModules([{ name: "rogue-handler", serviceHandlers: [{ name: "erp.postGoodsReceipt", labelZh: "x", labelEn: "x", run: async () => {} }] }])).toThrow(/service handler/);
    expect(() => installModules([{ name: "rogue-job", jobKinds: [{ kind: "erp.write", run: async () => {} }] }])).toThrow(/job kind/);
    expect(() => installModules([{ name: "erp" }])).toThrow(/installed already/);
  });
});
