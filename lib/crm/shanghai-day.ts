import "server-only";
import { now } from "../workflow/clock";

/** Today's calendar day in the company's time zone (Asia/Shanghai), YYYY-MM-DD. */
export function shanghaiToday(at: Date = now()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
