/**
 * The one validated environment of the app. Nothing else reads process.env.
 * Loaded by the web server, the scripts (migrate, seed, bench) and the tests.
 */
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

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
  // ── delivery (issue 6): a channel with no settings marks its messages FAILED ──
  /** The school's mail server, smtp://user:pass@host:587 or smtps://user:pass@host:465. */
  SMTP_URL: optionalText.refine((v) => v === undefined || /^smtps?:\/\//.test(v), { message: "SMTP_URL должен начинаться с smtp:// или smtps://" }),
  /** The sender of letters, e.g. "Школа № 1 <journal@school.ru>". */
  SMTP_FROM: optionalText,
  /** The operator's SMS gateway (SMPP 3.4), smpp://system_id:password@host:2775. */
  SMPP_URL: optionalText.refine((v) => v === undefined || /^smpps?:\/\//.test(v), { message: "SMPP_URL должен начинаться с smpp://" }),
  /** The sender name or number the operator registered for the school. */
  SMPP_SOURCE: optionalText,
  /** Web push keys (VAPID, base64url); absent: generated once and kept in VAPID_KEYS_FILE. */
  VAPID_PUBLIC_KEY: optionalText,
  VAPID_PRIVATE_KEY: optionalText,
  /** Who runs the push sender: mailto:admin@school.ru or the app's https address. */
  VAPID_SUBJECT: optionalText,
  VAPID_KEYS_FILE: z.string().default("./data/vapid-keys.json"),
  /** "off": the server process does not run the delivery worker (e.g. a separate `npm run worker`). */
  DELIVERY_WORKER: z.enum(["auto", "off"]).default("auto"),
  /** Set by scripts/serve.mjs: how many server processes share the port (limits kept in memory are divided by it). */
  WORKER_COUNT: z.coerce.number().int().min(1).max(64).default(1),
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
