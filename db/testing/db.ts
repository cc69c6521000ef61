import os from "node:os";
import path from "node:path";
import { closeDbForTests, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getEnv, resetEnvForTests } from "@/lib/env";

const TABLES_IN_DELETE_ORDER = [
  "generated_ideas",
  "ideation_calls",
  "ideation_metrics",
  "ideation_checkpoints",
  "ideation_progress",
  "ideation_runs",
  "chains",
  "paper_readings",
  "paper_texts",
  "job_items",
  "jobs",
  "llm_calls",
  "llm_cache",
  "model_prices",
  "arena_snapshots",
  "arena_votes",
  "arena_pairs",
  "result_snapshots",
  "reviews",
  "review_imports",
  "assignments",
  "assignment_runs",
  "review_conflicts",
  "reviewer_profiles",
  "idea_versions",
  "ideas",
  "idea_imports",
  "consents",
  "paper_embeddings",
  "paper_unresolved_refs",
  "paper_edges",
  "papers",
  "http_cache",
  "literature_settings",
  "study_events",
  "topics",
  "conditions",
  "invitations",
  "memberships",
  "studies",
  "auth_throttle",
  "sessions",
  "users",
];

/** Opens (and migrates) this test file's database. */
export function getTestDb() {
  resetEnvForTests();
  // resetTestDb empties every table: never let a test reach a real database file.
  const file = path.resolve(getEnv().DATABASE_PATH);
  if (!file.startsWith(path.resolve(os.tmpdir()))) {
    throw new Error(`Tests must use a temporary database, not ${file} (see vitest.setup.ts).`);
  }
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
