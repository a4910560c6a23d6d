import "server-only";
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

/** Failed sign-ins allowed per window before the account or the address is held back. */
export const THROTTLE = {
  perAccount: { points: 5, durationS: 15 * 60 },
  perIp: { points: 30, durationS: 15 * 60 },
};

export interface LoginThrottle {
  /** Throws AppError("throttled") while the account or the address is blocked. */
  assertAllowed(accountKey: string, ip: string): Promise<void>;
  recordFailure(accountKey: string, ip: string): Promise<void>;
  recordSuccess(accountKey: string): Promise<void>;
}

const cache = new WeakMap<Db, LoginThrottle>();

export function loginThrottle(db: Db): LoginThrottle {
  const hit = cache.get(db);
  if (hit) return hit;
  // Prisma exposes models in camelCase; the library's default name is PascalCase.
  const opts = { storeClient: db, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false };
  const account = new RateLimiterPrisma({ ...opts, keyPrefix: "login_acct", ...toOpts(THROTTLE.perAccount) });
  const ip = new RateLimiterPrisma({ ...opts, keyPrefix: "login_ip", ...toOpts(THROTTLE.perIp) });

  const throttle: LoginThrottle = {
    async assertAllowed(accountKey, addr) {
      const [a, i] = await Promise.all([account.get(accountKey), ip.get(addr)]);
      const blocked = [a, i].filter((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
      if (blocked.length) {
        const seconds = Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
        throw new AppError("throttled", { params: { minutes: Math.max(1, Math.ceil(seconds / 60)) } });
      }
    },
    async recordFailure(accountKey, addr) {
      await Promise.all([account.penalty(accountKey, 1), ip.penalty(addr, 1)]);
    },
    async recordSuccess(accountKey) {
      await account.delete(accountKey);
    },
  };
  cache.set(db, throttle);
  return throttle;
}

function toOpts(p: { points: number; durationS: number }) {
  return { points: p.points, duration: p.durationS };
}
