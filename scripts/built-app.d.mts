import type { ChildProcess } from "node:child_process";

export type AppServer = {
  child: ChildProcess;
  port: number;
  base: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: (timeoutMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export function serverEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export function ensureBuiltApp(dir?: string, log?: (m: string) => void): Promise<string>;
export function freePort(): Promise<number>;
export function startAppServer(opts: { app: string; port: number; env?: Record<string, string> }): AppServer;
export function waitHealthy(server: AppServer, timeoutMs?: number): Promise<number>;
