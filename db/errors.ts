import "server-only";
import { AppError } from "@/lib/errors";

/** Runs a DB operation and turns driver errors into AppErrors, so raw SQLite errors never leave db/. */
export function withDbErrors<T>(fn: () => T, conflicts: Record<string, AppError> = {}): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    for (const [needle, err] of Object.entries(conflicts)) {
      if (message.includes(needle)) throw err;
    }
    if (message.includes("SQLITE_BUSY") || message.includes("database is locked")) {
      throw new AppError("unavailable:database", "The database is busy; please try again.", { cause: e });
    }
    throw new AppError("internal:database", undefined, { cause: e });
  }
}
