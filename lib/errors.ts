// One error class for the whole app: the code decides the HTTP status and the user-facing message.

export type ErrorType =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "rate_limited"
  | "too_large"
  | "unavailable"
  | "internal";

export type ErrorCode = `${ErrorType}:${string}`;

export type FieldErrors = Record<string, string[]>;

const statusByType: Record<ErrorType, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

const defaultMessages: Record<ErrorType, string> = {
  unauthorized: "Please sign in to continue.",
  forbidden: "You do not have permission to do this.",
  not_found: "This page or item does not exist, or you do not have access to it.",
  invalid: "Some of the input is not valid.",
  conflict: "This conflicts with something that already exists.",
  rate_limited: "Too many attempts. Please wait and try again.",
  too_large: "The upload is larger than allowed.",
  unavailable: "This feature is not available right now.",
  internal: "Something went wrong on our side.",
};

export class AppError extends Error {
  readonly type: ErrorType;
  readonly status: number;
  readonly fieldErrors?: FieldErrors;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    options?: { fieldErrors?: FieldErrors; cause?: unknown },
  ) {
    const type = code.split(":")[0] as ErrorType;
    super(message ?? defaultMessages[type] ?? defaultMessages.internal, { cause: options?.cause });
    this.name = "AppError";
    this.type = type in statusByType ? type : "internal";
    this.status = statusByType[this.type];
    this.fieldErrors = options?.fieldErrors;
  }

  toJSON() {
    return { error: this.code, message: this.message, fieldErrors: this.fieldErrors };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The result union server actions return to `useActionState`. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: ErrorCode; message: string; fieldErrors?: FieldErrors };

export function toActionError(e: AppError): ActionResult<never> {
  return { ok: false, error: e.code, message: e.message, fieldErrors: e.fieldErrors };
}
