import "server-only";
import { AppError } from "@/lib/errors";

type DbErrorOptions = {
  /** Driver error code (e.g. SQLITE_CONSTRAINT_FOREIGNKEY) or message fragment → the app's error. */
  map?: Record<string, () => AppError>;
  /** What was being done, for the generic message ("while creating a job"). */
  action?: string;
};

/** Runs a DB operation and turns driver errors into AppErrors, so raw SQLite errors never leave db/. */
export function withDbErrors<T>(fn: () => T, { map = {}, action }: DbErrorOptions = {}): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: unknown })?.code;
    for (const [needle, toError] of Object.entries(map)) {
      if (needle === code || message.includes(needle)) {
        const err = toError();
        throw new AppError(err.code, err.message, { fieldErrors: err.fieldErrors, cause: e });
      }
    }
    if (code === "SQLITE_BUSY" || message.includes("database is locked")) {
      throw new AppError("unavailable:database", "The database is busy; please try again.", { cause: e });
    }
    const suffix = action ? ` while ${action}` : "";
    throw new AppError("internal:database", `Database error${suffix}.`, { cause: e });
  }
}
