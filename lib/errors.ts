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
  | "PERIOD_CLOSED";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_INPUT: 400,
  CONFLICT: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
  PERIOD_CLOSED: 409,
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
  return error instanceof AppError ? error.status : 500;
}
