import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase } from "./backup";
import { openDatabase } from "./client";

describe("backupDatabase", () => {
  it("copies a database that another connection keeps writing to, consistently", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-test-"));
    const source = path.join(dir, "live.db");
    const writer = openDatabase(source).$client;
    writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    const insert = writer.prepare("INSERT INTO t (v) VALUES (?)");
    writer.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`row ${i} ${"x".repeat(50)}`);
    })();
    // Keep writing while the backup runs; each write is its own committed transaction.
    let writes = 0;
    const timer = setInterval(() => {
      insert.run(`late ${writes++}`);
    }, 1);
    const target = path.join(dir, "copy.db");
    const { bytes } = await backupDatabase({ source, target });
    clearInterval(timer);
    expect(bytes).toBeGreaterThan(1_000_000);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const n = (copy.prepare("SELECT COUNT(*) AS n FROM t").get() as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(20_000);
    expect(n).toBeLessThanOrEqual(20_000 + writes);
    copy.close();
    writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a missing source, an existing target and the source itself", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-test-"));
    const source = path.join(dir, "a.db");
    await expect(backupDatabase({ source, target: path.join(dir, "b.db") })).rejects.toThrow(
      /No database at/,
    );
    openDatabase(source).$client.close();
    fs.writeFileSync(path.join(dir, "b.db"), "keep me");
    await expect(backupDatabase({ source, target: path.join(dir, "b.db") })).rejects.toThrow(
      /already exists/,
    );
    expect(fs.readFileSync(path.join(dir, "b.db"), "utf8")).toBe("keep me");
    await expect(backupDatabase({ source, target: source })).rejects.toThrow(/must differ/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
