import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { resetTestDb } from "@/db/testing/db";
import { checkHealth } from "./health";
import { getJobRunner } from "./jobs/runner";
import { setRemoteRunnerStatus } from "./jobs/runner-link";

const newestMigration = () =>
  (
    JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: { tag: string }[] }
  ).entries.at(-1)!.tag;

describe("checkHealth", () => {
  beforeEach(() => resetTestDb());
  afterEach(async () => {
    getDb().$client.pragma("query_only = OFF");
    await getJobRunner().stop();
  });

  it("is healthy with a writable, migrated database and a running job loop", async () => {
    getJobRunner().start();
    const health = checkHealth();
    expect(health).toEqual({
      ok: true,
      db: { writable: true },
      migrations: { current: true, pending: [] },
      jobRunner: { running: true, lastTickAgoMs: expect.any(Number) },
    });
    // The probe write was rolled back.
    expect(getDb().$client.prepare("SELECT count(*) AS n FROM auth_throttle").get()).toEqual({ n: 0 });
  });

  it("says the job runner is not running when its loop is stopped", () => {
    const health = checkHealth();
    expect(health.ok).toBe(false);
    expect(health.jobRunner.running).toBe(false);
  });

  it("says the job runner is stuck when its loop has not ticked for a long time", () => {
    getJobRunner().start();
    const health = checkHealth({ now: Date.now() + 10 * 60_000 });
    expect(health.ok).toBe(false);
    expect(health.jobRunner.running).toBe(false);
  });

  it("judges the runner of another server process (WEB_CONCURRENCY) by the tick it last reported", () => {
    try {
      setRemoteRunnerStatus({ running: true, lastTickAt: Date.now() - 500, pollIntervalMs: 1000 });
      expect(checkHealth()).toMatchObject({ ok: true, jobRunner: { running: true } });
      expect(checkHealth({ now: Date.now() + 10 * 60_000 })).toMatchObject({
        ok: false,
        jobRunner: { running: false },
      });
      setRemoteRunnerStatus({ running: false, lastTickAt: Date.now(), pollIntervalMs: 1000 });
      expect(checkHealth()).toMatchObject({ ok: false, jobRunner: { running: false } });
    } finally {
      (globalThis as { ideationLabRemoteRunnerStatus?: unknown }).ideationLabRemoteRunnerStatus = undefined;
    }
  });

  it("names a database that refuses writes", () => {
    getJobRunner().start();
    getDb().$client.pragma("query_only = ON");
    const health = checkHealth();
    expect(health.ok).toBe(false);
    expect(health.db).toEqual({
      writable: false,
      error: expect.stringMatching(/readonly|read-only|query_only/i),
    });
  });

  it("names a migration this build ships that the database lacks", () => {
    getJobRunner().start();
    const client = getDb().$client;
    client
      .prepare(
        "DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)",
      )
      .run();
    const health = checkHealth();
    expect(health.ok).toBe(false);
    expect(health.migrations).toEqual({ current: false, pending: [newestMigration()] });
  });
});
