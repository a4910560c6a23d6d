import "server-only";
import { headers } from "next/headers";

export type FaultSite = "render" | "portal" | "root";

/**
 * Test hook for the error pages (Playwright): with E2E_FAULTS=1, a request with the
 * header `x-ff-fault: render` (workbench layout), `portal` (portal layout) or `root`
 * (root layout) fails while that layout renders, so a spec sees the whole path of a
 * real server error: status 500, the error page, the reference in the log.
 * Without the variable it reads nothing and never throws.
 */
export async function injectFault(where: FaultSite) {
  if (process.env.E2E_FAULTS !== "1") return;
  if ((await headers()).get("x-ff-fault") === where) throw new Error(`E2E fault injected in the ${where} layout`);
}
