import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findViolations, LAYER_ROOTS, type Violation } from "./lib/dependency-rules";

// The layer rules of .dependency-cruiser.cjs, checked three ways: the real tree passes; a forbidden
// import written into a copy of the real tree is reported; and, in a scratch tree with the same config
// and one file per layer, every rule catches what it forbids and lets through what it allows.

const repo = process.cwd();

describe("the real tree", () => {
  it("keeps every layer rule and has no cycles", () => {
    expect(findViolations({ cwd: repo, roots: LAYER_ROOTS })).toEqual([]);
  });

  it("reports a lib → db and a components → db import added to a copy of it", () => {
    // A copy, not the tree itself: a probe file in the real lib/ would break a lint running beside this test.
    const copy = mkdtempSync(join(tmpdir(), "layer-rules-copy-"));
    try {
      for (const dir of ["app", "components", "db", "lib", "server"])
        cpSync(join(repo, dir), join(copy, dir), { recursive: true });
      for (const file of [".dependency-cruiser.cjs", "tsconfig.json"])
        copyFileSync(join(repo, file), join(copy, file));
      symlinkSync(join(repo, "node_modules"), join(copy, "node_modules"));
      const probes = [
        { path: "lib/zz-layer-rule-probe.ts", rule: "lib-is-pure" },
        { path: "components/zz-layer-rule-probe.tsx", rule: "components-use-lib-only" },
      ];
      for (const p of probes)
        writeFileSync(
          join(copy, p.path),
          'import { getDb } from "@/db/client";\n\nexport const probe = getDb;\n',
        );
      const violations = findViolations({ cwd: copy, roots: probes.map((p) => p.path) });
      for (const p of probes)
        expect(violations).toContainEqual({ rule: p.rule, from: p.path, to: "db/client.ts" });
      // Without the probes the copy passes, so the probes (not the copy) made the difference.
      expect(findViolations({ cwd: copy, roots: ["lib/env.ts", "components/study-nav.tsx"] })).toEqual([]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

// Each probe is its own file (from + a number), so one run of dependency-cruiser checks them all.
const forbidden = [
  { from: "lib", import: "@/db/client", to: "db/client.ts", rule: "lib-is-pure" },
  { from: "lib", import: "../server/world", to: "server/world.ts", rule: "lib-is-pure" },
  { from: "lib", import: "@/app/page", to: "app/page.tsx", rule: "lib-is-pure" },
  { from: "lib", import: "@/components/button", to: "components/button.tsx", rule: "lib-is-pure" },
  { from: "lib", import: "next/navigation", to: "node_modules/next/navigation.js", rule: "lib-is-pure" },
  { from: "lib", import: "server-only", to: "node_modules/server-only/index.js", rule: "lib-is-pure" },
  { from: "db", import: "@/server/world", to: "server/world.ts", rule: "db-is-data-only" },
  { from: "db", import: "@/app/page", to: "app/page.tsx", rule: "db-is-data-only" },
  { from: "db", import: "@/components/button", to: "components/button.tsx", rule: "db-is-data-only" },
  { from: "server", import: "@/app/page", to: "app/page.tsx", rule: "server-not-to-app-or-ui" },
  {
    from: "server",
    import: "@/components/button",
    to: "components/button.tsx",
    rule: "server-not-to-app-or-ui",
  },
  { from: "components", import: "@/db/client", to: "db/client.ts", rule: "components-use-lib-only" },
  { from: "components", import: "@/server/world", to: "server/world.ts", rule: "components-use-lib-only" },
  { from: "components", import: "@/app/page", to: "app/page.tsx", rule: "components-use-lib-only" },
].map((c, i) => ({ ...c, file: `${c.from}/forbidden-${i}.tsx` }));

const allowed = [
  { from: "lib", import: "./pure" },
  { from: "db", import: "@/lib/pure" },
  { from: "server", import: "@/db/client" },
  { from: "server", import: "next/navigation" },
  { from: "components", import: "@/components/button" },
  { from: "components", import: "@/lib/pure" },
  { from: "components", import: "react" },
  { from: "components", import: "next/navigation" },
  { from: "app", import: "@/components/button" },
  { from: "app", import: "@/db/client" },
].map((c, i) => ({ ...c, file: `${c.from}/allowed-${i}.tsx` }));

describe("each rule, in a scratch tree with the same config", () => {
  let dir: string;
  let violations: Violation[];
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "layer-rules-"));
    copyFileSync(join(repo, ".dependency-cruiser.cjs"), join(dir, ".dependency-cruiser.cjs"));
    copyFileSync(join(repo, "tsconfig.json"), join(dir, "tsconfig.json"));
    // Stand-ins for the framework packages, resolved the way the real ones are.
    for (const [pkg, file] of [
      ["next", "navigation.js"],
      ["server-only", "index.js"],
      ["react", "index.js"],
    ] as const) {
      write(
        `node_modules/${pkg}/package.json`,
        JSON.stringify({ name: pkg, version: "1.0.0", main: "index.js" }),
      );
      write(`node_modules/${pkg}/${file}`, "module.exports = {};\n");
    }
    write("lib/pure.ts", "export const pure = 1;\n");
    write("db/client.ts", 'import { pure } from "@/lib/pure";\nexport const db = pure;\n');
    write("server/world.ts", 'import { db } from "@/db/client";\nexport const world = db;\n');
    write("components/button.tsx", 'import { pure } from "@/lib/pure";\nexport const button = pure;\n');
    write("app/page.tsx", 'import { world } from "@/server/world";\nexport const page = world;\n');
    for (const c of [...forbidden, ...allowed])
      write(c.file, `import * as target from "${c.import}";\nexport const probe = target;\n`);
    // A cycle made only of type imports still counts: the two files cannot be understood apart.
    write("lib/cycle-a.ts", 'import type { B } from "./cycle-b";\nexport type A = { b?: B };\n');
    write("lib/cycle-b.ts", 'import type { A } from "./cycle-a";\nexport type B = { a?: A };\n');
    violations = findViolations({ cwd: dir, roots: ["lib", "db", "server", "components", "app"] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(forbidden)("$from may not import $to ($rule)", (c) => {
    expect(violations).toContainEqual({ rule: c.rule, from: c.file, to: c.to });
  });

  it.each(allowed)("$from may import $import", (c) => {
    expect(violations.filter((v) => v.from === c.file)).toEqual([]);
  });

  it("reports a cycle, and nothing else than the forbidden imports and the cycle", () => {
    expect(violations).toContainEqual({ rule: "no-circular", from: "lib/cycle-a.ts", to: "lib/cycle-b.ts" });
    const expected = new Set([...forbidden.map((c) => c.file), "lib/cycle-a.ts", "lib/cycle-b.ts"]);
    expect(violations.filter((v) => !expected.has(v.from))).toEqual([]);
  });
});
