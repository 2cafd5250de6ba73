/** scripts/serve.mjs: how many server processes `npm start` runs, and with what. */
export function workerCount(env?: Record<string, string | undefined>, cores?: number): number;
export function heapFlags(nodeOptions?: string): string[];
export function restartDelay(deaths: number): number;
