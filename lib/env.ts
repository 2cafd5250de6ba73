/**
 * The one validated environment of the app. Nothing else reads process.env.
 * Loaded by the web server, the scripts (migrate, seed, bench) and the tests.
 */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** A PostgreSQL URL. Empty: the embedded PGlite database in PGLITE_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "DATABASE_URL должен начинаться с postgres:// или postgresql://",
    }),
  /** Folder of the embedded database; "memory://" keeps it in memory (tests). */
  PGLITE_DIR: z.string().default("./data/pglite"),
  /** Secret that signs session cookies. Required in production. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Public address of the app, used in links in letters and invitation slips. */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Default time zone for new schools (Khanty-Mansiysk). Each school stores its own. */
  DEFAULT_TIME_ZONE: z.string().default("Asia/Yekaterinburg"),
  /** Set by Next while it builds; no request is served then. */
  NEXT_PHASE: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Неверные настройки окружения:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return e;
}

export const env: Env = load();
