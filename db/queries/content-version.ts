import "server-only";
import { eq } from "drizzle-orm";
import { preparedOnce } from "../prepared";
import { contentVersion } from "../schema";

// The database's content version (db/schema/content-version.ts): equal before and after something
// was read means nothing it could have read has changed in between, in any process.

const versionQuery = preparedOnce((db) =>
  db
    .select({ version: contentVersion.version })
    .from(contentVersion)
    .where(eq(contentVersion.id, 1))
    .prepare(),
);

/** The current content version; null if the row is missing (never after migrations). */
export function readContentVersion(): number | null {
  return versionQuery().get()?.version ?? null;
}
