import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "../client";
import { MIGRATIONS_FOLDER } from "../migrate";

// What /api/health asks the database: can it write, and has every migration shipped with this build
// been applied. Nothing is changed: the probe write is rolled back.

export type DbHealth = { writable: boolean; writeError?: string; pendingMigrations: string[] };

function shippedMigrations(): string[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
  ) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => `${e.when}:${e.tag}`);
}

export function checkDbHealth(): DbHealth {
  const client = getDb().$client;
  let writable = true;
  let writeError: string | undefined;
  try {
    client.transaction(() => {
      client
        .prepare("INSERT INTO auth_throttle (key, failures, window_started_at) VALUES (?, 0, 0)")
        .run(`health-probe:${crypto.randomUUID()}`);
      throw new RollBack();
    })();
  } catch (e) {
    if (!(e instanceof RollBack)) {
      writable = false;
      writeError = e instanceof Error ? e.message : String(e);
    }
  }
  let applied = new Set<number>();
  try {
    applied = new Set(
      (client.prepare("SELECT created_at AS at FROM __drizzle_migrations").all() as { at: number }[]).map(
        (r) => Number(r.at),
      ),
    );
  } catch {
    // No migrations table: nothing applied.
  }
  const pendingMigrations = shippedMigrations()
    .filter((m) => !applied.has(Number(m.split(":")[0])))
    .map((m) => m.split(":")[1]!);
  return { writable, writeError, pendingMigrations };
}

class RollBack extends Error {}
