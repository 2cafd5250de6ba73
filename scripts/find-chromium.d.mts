// Types of scripts/find-chromium.mjs, for the TypeScript benchmarks that reuse it.
export function findChromium(): string | null;
export const HOW_TO_GET_CHROMIUM: string;
