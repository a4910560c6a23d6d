import type { ChildProcess } from "node:child_process";

export function machine(): { cpus: number; cpu: string | undefined; memGiB: number; node: string };
export function rssMiB(pid: number): number;
export function waitFor(url: string, timeoutMs?: number): Promise<number>;
export function startServer(opts: { cwd?: string; port: number; env?: Record<string, string> }): { child: ChildProcess; stop: () => Promise<void> };
export function signInCookie(base: string, realm: "employee" | "supplier", username: string, password: string): Promise<string>;
export function percentile(sorted: number[], p: number): number;
export function timeInterleaved<K extends string>(cases: Record<K, () => Promise<unknown>>, calls: number, warmup?: number): Promise<Record<K, { p50: number; p95: number }>>;
export function benchDatabase(prefix: string): Promise<{ name: string; url: string; fresh: boolean; keep: boolean; close: () => Promise<void> }>;
