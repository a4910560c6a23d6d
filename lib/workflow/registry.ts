import "server-only";
import type { JobKind } from "./jobs/job-kinds";
import type { ServiceHandler } from "./service-handler";

/**
 * What a domain plugs into the workflow platform, as plain values: the service
 * handlers its BPMN service tasks name, the job kinds it queues. (Forms are data:
 * designed in the app or shipped as processes/forms/*.form, see form-store.ts.) A description has no side effects; lib/server/domain-modules.ts lists
 * the domains and installs them once, at boot and in the test set-up.
 */
export type DomainModule = {
  name: string;
  serviceHandlers?: readonly ServiceHandler[];
  jobKinds?: readonly JobKind[];
};

type Registry = {
  modules: Map<string, DomainModule>;
  handlers: Map<string, ServiceHandler>;
  jobKinds: Map<string, JobKind>;
};

// Next bundles server code more than once (instrumentation, routes, actions): one registry per process.
const g = globalThis as { __ffRegistry?: Registry };

/**
 * Installs domain modules. Installing the same description again is a no-op, so
 * boot and test set-up may both call it; two modules claiming one
 * handler or job kind is a programming error and throws.
 */
export function installModules(modules: readonly DomainModule[]) {
  const reg = (g.__ffRegistry ??= { modules: new Map(), handlers: new Map(), jobKinds: new Map() });
  for (const m of modules) {
    const had = reg.modules.get(m.name);
    if (had === m) continue;
    if (had) throw new Error(`domain module "${m.name}" is installed already with another description`);
    // Checked before anything is added, so a refused module leaves the registry as it was.
    const claims: [Map<string, unknown>, string, string, unknown][] = [
      ...(m.serviceHandlers ?? []).map((h): [Map<string, unknown>, string, string, unknown] => [reg.handlers, "service handler", h.name, h]),
      ...(m.jobKinds ?? []).map((k): [Map<string, unknown>, string, string, unknown] => [reg.jobKinds, "job kind", k.kind, k]),
    ];
    const seen = new Set<string>();
    for (const [map, what, key] of claims) {
      if (map.has(key) || seen.has(`${what}:${key}`)) throw new Error(`${what} "${key}" of module "${m.name}" is claimed twice`);
      seen.add(`${what}:${key}`);
    }
    for (const [map, , key, value] of claims) map.set(key, value);
    reg.modules.set(m.name, m);
  }
}

function installed(): Registry {
  const reg = g.__ffRegistry;
  if (!reg || reg.modules.size === 0) {
    throw new Error("workflow registry read before the domain modules were installed: call installDomainModules() (lib/server/domain-modules.ts) at start-up");
  }
  return reg;
}

export function serviceHandler(name: string): ServiceHandler | undefined {
  return installed().handlers.get(name);
}

export function listServiceHandlers(): ServiceHandler[] {
  return [...installed().handlers.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function jobKind(kind: string): JobKind | undefined {
  return installed().jobKinds.get(kind);
}
