// The demo's speed goal: `npm run demo` seeds both demo studies into a fresh database in < 10 s,
// so a newcomer sees every page populated within a minute of `npm start`. Runs the real command
// (tsx start-up, migrations, password hashing, seeding) against a temporary database file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export function benchDemo(): void {
  const dir = mkdtempSync(join(tmpdir(), "bench-demo-"));
  try {
    const start = performance.now();
    const run = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/demo.ts"],
      {
        env: {
          ...process.env,
          DATABASE_PATH: join(dir, "demo.db"),
          AUTH_SECRET: "bench-demo-secret-0123456789abcdef",
        },
        encoding: "utf8",
      },
    );
    const seconds = (performance.now() - start) / 1000;
    if (run.status !== 0) throw new Error(`npm run demo failed: ${run.stderr || run.stdout}`);
    const seeded = /studies seeded in ([\d.]+) s/.exec(run.stdout)?.[1] ?? "?";
    console.log(
      `npm run demo on a fresh database: ${seconds.toFixed(1)} s in all, of which seeding the studies ${seeded} s; goal < 10 s`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  benchDemo();
}
