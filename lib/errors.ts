/**
 * Typed errors. A domain function throws AppError for anything the user may be told
 * about; the code maps to an HTTP status here and nowhere else. Anything else is a bug:
 * logged, and the user sees a generic message.
 */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_INPUT"
  | "CONFLICT"
  | "LOCKED"
  | "RATE_LIMITED"
  | "PERIOD_CLOSED"
  /** the database cannot be reached (down, restarting, the network between): nothing was saved */
  | "DB_UNAVAILABLE"
  /** the server's disk is full: the database refused to write, nothing was saved */
  | "STORAGE_FULL"
  /** the server is overloaded: no database connection was free in time for the change, nothing was saved */
  | "BUSY";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_INPUT: 400,
  CONFLICT: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
  PERIOD_CLOSED: 409,
  DB_UNAVAILABLE: 503,
  STORAGE_FULL: 507,
  BUSY: 503,
};

const DEFAULT_MESSAGE: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Войдите в систему, чтобы продолжить.",
  FORBIDDEN: "У вас нет прав на это действие.",
  NOT_FOUND: "Не найдено.",
  BAD_INPUT: "Проверьте введённые данные.",
  CONFLICT: "Данные изменились, обновите страницу.",
  LOCKED: "Вход временно заблокирован.",
  RATE_LIMITED: "Слишком много попыток. Подождите немного.",
  PERIOD_CLOSED: "Период закрыт для изменений.",
  DB_UNAVAILABLE: "База данных сейчас недоступна, изменение не сохранено. Попробуйте ещё раз через минуту.",
  STORAGE_FULL: "Не хватает места на диске сервера, изменение не сохранено. Сообщите администратору школы.",
  BUSY: "Сервер сейчас перегружен, изменение не сохранено. Попробуйте ещё раз через минуту.",
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: Record<string, string[]> | undefined;

  constructor(code: AppErrorCode, message?: string, fieldErrors?: Record<string, string[]>) {
    super(message ?? DEFAULT_MESSAGE[code]);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const GENERIC_ERROR_MESSAGE = "Что-то пошло не так. Попробуйте ещё раз; если не получится, сообщите администратору школы.";

export function httpStatusOf(error: unknown): number {
  return toAppError(error)?.status ?? 500;
}

/**
 * What the user may be told about an error: the AppError itself, or the AppError an
 * outage of the database becomes (tests/integration/fault-*.test.ts cut the database's
 * connection and fill its disk); null for a bug, which is logged and shown as
 * GENERIC_ERROR_MESSAGE. Recognised by shape, not by class, so this module stays free of
 * the Prisma runtime (client components import it) and sees through Prisma's wrapping:
 * a lost connection arrives as P1001 inside a transaction but as P2010 from a raw query,
 * with the driver adapter's reason in `meta.driverAdapterError.cause`.
 */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const cause = infrastructureCause(error, 0);
  return cause ? new AppError(cause) : null;
}

// Prisma's codes for a database it cannot reach, could not open or lost midway
// (P2024: no connection from the pool in time, as when the server is down).
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// the driver adapter's kinds for the same (lib/db/adapter.ts: node-postgres or PGlite)
const UNREACHABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node's socket errors when the server or the network between goes away
const UNREACHABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

// Prisma's transaction API error when no database connection was free to start the
// transaction within its maxWait: the server is overloaded (npm run load found it at
// 40–60 requests/s arriving), nothing was done, the change can be sent again. The same
// code for a transaction that ran past its own timeout, or was already closed, stays a
// bug (a long import must not read «перегружен»).
const BUSY_MESSAGE = /Unable to start a transaction in the given time/;

function infrastructureCause(error: unknown, depth: number): "DB_UNAVAILABLE" | "STORAGE_FULL" | "BUSY" | null {
  if (typeof error !== "object" || error === null || depth > 5) return null;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; meta?: unknown; cause?: unknown; originalCode?: unknown };
  const message = typeof e.message === "string" ? e.message : "";
  // PostgreSQL's disk_full (53100), or the operating system's ENOSPC in its message
  // («could not extend file …: No space left on device»), however deeply wrapped
  if (e.code === "53100" || e.originalCode === "53100" || e.code === "ENOSPC" || /No space left on device|ENOSPC/.test(message)) return "STORAGE_FULL";
  if (typeof e.code === "string" && (UNREACHABLE_PRISMA_CODES.has(e.code) || UNREACHABLE_SOCKET_CODES.has(e.code))) return "DB_UNAVAILABLE";
  if (e.code === "P2028" && BUSY_MESSAGE.test(message)) return "BUSY";
  // PostgreSQL's connection_exception (08…), admin_shutdown and friends (57P01–57P03)
  if (typeof e.code === "string" && /^(08...|57P0[123])$/.test(e.code)) return "DB_UNAVAILABLE";
  if (typeof e.originalCode === "string" && /^(08...|57P0[123])$/.test(e.originalCode)) return "DB_UNAVAILABLE";
  if (typeof e.kind === "string" && UNREACHABLE_ADAPTER_KINDS.has(e.kind)) return "DB_UNAVAILABLE";
  // node-postgres when the server closes the socket under a query
  if (/^Connection terminated( unexpectedly)?$/.test(message)) return "DB_UNAVAILABLE";
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  return infrastructureCause(meta?.driverAdapterError, depth + 1) ?? infrastructureCause(e.cause, depth + 1);
}
