import { closeDbForTests, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { resetEnvForTests } from "@/lib/env";

const TABLES_IN_DELETE_ORDER = [
  "job_items",
  "jobs",
  "llm_calls",
  "llm_cache",
  "model_prices",
  "invitations",
  "memberships",
  "studies",
  "auth_throttle",
  "users",
];

/** Opens (and migrates) this test file's database. */
export function getTestDb() {
  resetEnvForTests();
  const db = getDb();
  migrateDatabase(db);
  return db;
}

/** Empties every table so each test starts from a blank database. */
export function resetTestDb() {
  const db = getTestDb();
  db.$client.transaction(() => {
    for (const t of TABLES_IN_DELETE_ORDER) db.$client.prepare(`DELETE FROM ${t}`).run();
  })();
  return db;
}

export { closeDbForTests };
