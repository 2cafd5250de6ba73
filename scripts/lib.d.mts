// Types of scripts/lib.mjs, for the TypeScript benchmarks that reuse it.
import type { ChildProcess } from "node:child_process";

export const root: string;
export function run(cmd: string, args: string[], options?: { env?: Record<string, string>; label?: string }): void;
export function startNext(options: { port: number; env?: Record<string, string> }): ChildProcess;
export function persistentSecret(dataDir: string): string;
export function needsBuild(): boolean;
export function waitForHealth(url: string, timeoutMs?: number): Promise<boolean>;
