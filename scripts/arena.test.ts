import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { runArenaCli } from "./arena";

const dir = mkdtempSync(join(tmpdir(), "arena-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIXTURE = new URL("../lib/arena/fixtures/bt-simulated.csv", import.meta.url).pathname;
const HEADER =
  "match_id,topic,idea_a,idea_b,condition_a,condition_b,judge_id,judge_kind,criterion,winner,created_at";

function run(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = runArenaCli(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

function input(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const bad = input(
  "bad.csv",
  `${HEADER}\nm1,T,i1,i2,X,Y,u1,human,novelty,a,1\nm2,T,i1,i2,X,Y,u1,human,novelty,x,2\nm3,T,i3,i3,X,X,u1,robot,novelty,a,3\n`,
);

describe("runArenaCli", () => {
  it("writes the three files and prints a one-line summary", () => {
    const out = join(dir, "ok");
    const { code, stdout, stderr } = run(["--in", FIXTURE, "--out", out, "--bootstrap", "50", "--seed", "2"]);
    expect(code).toBe(0);
    // s2 rarely scores, so now and then a resample leaves it without a win or tie.
    expect(stderr).toEqual([
      "warning: idea level, novelty: 2 of 50 bootstrap resamples had no finite estimate and were skipped; its CIs use the other 48",
    ]);
    expect(stdout).toEqual([
      `Rated 12 ideas and 3 conditions on 2 criteria from 600 matches (1200 verdicts), 50 bootstrap resamples, seed 2, 1 warning (above); wrote ratings.csv, winrates.csv and agreement.csv to ${out}.`,
    ]);
    const ratings = parseCsv(readFileSync(join(out, "ratings.csv"), "utf8"));
    expect(ratings.header.join(",")).toBe(
      "level,criterion,player,elo,bt,bt_ci_low,bt_ci_high,rank,matches,wins,ties,losses,provisional",
    );
    // 12 ideas × (2 criteria + average) + 3 conditions × 3.
    expect(ratings.rows).toHaveLength(45);
    expect(readFileSync(join(out, "winrates.csv"), "utf8")).toMatch(
      /^criterion,condition,opponent,matches,wins,ties,losses,win_rate\r\n/,
    );
    expect(readFileSync(join(out, "agreement.csv"), "utf8")).toMatch(
      /^measure,criterion,judge_kind,n,hits,rate\r\n/,
    );
  });

  it("gives the same files for the same seed, and honours --k", () => {
    const [a, b, c] = ["s1", "s2", "s3"].map((name) => join(dir, name));
    run(["--in", FIXTURE, "--out", a as string, "--bootstrap", "30", "--seed", "9"]);
    run(["--in", FIXTURE, "--out", b as string, "--bootstrap", "30", "--seed", "9"]);
    run(["--in", FIXTURE, "--out", c as string, "--bootstrap", "30", "--seed", "9", "--k", "32"]);
    const ratings = (d: string) => readFileSync(join(d, "ratings.csv"), "utf8");
    expect(ratings(b as string)).toBe(ratings(a as string));
    expect(ratings(c as string)).not.toBe(ratings(a as string));
  });

  it("warns on stderr but still succeeds when a group cannot be rated", () => {
    const path = input("unbounded.csv", `${HEADER}\nm1,T,i1,i2,X,Y,u1,human,novelty,a,1\n`);
    const { code, stderr } = run(["--in", path, "--out", join(dir, "warn"), "--bootstrap", "0"]);
    expect(code).toBe(0);
    expect(stderr).toEqual([
      "warning: idea level, novelty: no finite Bradley–Terry estimate (i2 never won or tied; i1 never lost or tied); bt, CI and rank left empty",
      "warning: condition level, novelty: no finite Bradley–Terry estimate (Y never won or tied; X never lost or tied); bt, CI and rank left empty",
    ]);
  });

  const cases: { name: string; argv: (out: string) => string[]; stderr: (string | RegExp)[] }[] = [
    {
      name: "bad rows, every line reported",
      argv: (out) => ["--in", bad, "--out", out],
      stderr: [
        `${bad}:3: winner "x" is not a, b or tie`,
        `${bad}:4: judge_kind "robot" is not human or llm`,
        `${bad}:4: idea_a and idea_b are the same idea (i3)`,
      ],
    },
    {
      name: "a missing column",
      argv: (out) => ["--in", input("cols.csv", `${HEADER.replace(",idea_a,idea_b", "")}\n`), "--out", out],
      stderr: [/cols\.csv:1: missing column "idea_a"$/, /cols\.csv:1: missing column "idea_b"$/],
    },
    {
      name: "a header and no matches",
      argv: (out) => ["--in", input("empty.csv", `${HEADER}\n`), "--out", out],
      stderr: [/empty\.csv:1: no matches after the header$/],
    },
    {
      name: "a file that does not exist",
      argv: (out) => ["--in", join(dir, "nope.csv"), "--out", out],
      stderr: [/nope\.csv: cannot read \(ENOENT/],
    },
    {
      name: "an unknown argument",
      argv: (out) => ["--in", FIXTURE, "--out", out, "--kk", "4"],
      stderr: [/^Unknown argument --kk\.\nUsage:/],
    },
    { name: "a missing --out", argv: () => ["--in", FIXTURE], stderr: [/^Missing --out\.\nUsage:/] },
    {
      name: "a value-less flag",
      argv: (out) => ["--in", FIXTURE, "--out", out, "--seed"],
      stderr: [/^--seed needs a value\./],
    },
    {
      name: "K of 0",
      argv: (out) => ["--in", FIXTURE, "--out", out, "--k", "0"],
      stderr: [/^--k must be a positive number \(got "0"\)\./],
    },
    {
      name: "negative resamples",
      argv: (out) => ["--in", FIXTURE, "--out", out, "--bootstrap", "-5"],
      stderr: [/^--bootstrap must be an integer >= 0 \(got "-5"\)\./],
    },
    {
      name: "a fractional seed",
      argv: (out) => ["--in", FIXTURE, "--out", out, "--seed", "1.5"],
      stderr: [/^--seed must be an integer \(got "1\.5"\)\./],
    },
    {
      name: "a negative prior",
      argv: (out) => ["--in", FIXTURE, "--out", out, "--prior", "-1"],
      stderr: [/^--prior must be a number >= 0 \(got "-1"\)\./],
    },
  ];
  it.each(cases)("exits 2 on $name and writes nothing", ({ name, argv, stderr }) => {
    const out = join(dir, `bad-${name.replaceAll(" ", "-")}`);
    const result = run(argv(out));
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toHaveLength(stderr.length);
    stderr.forEach((expected, i) => {
      if (typeof expected === "string") expect(result.stderr[i]).toBe(expected);
      else expect(result.stderr[i]).toMatch(expected);
    });
    expect(existsSync(out)).toBe(false);
  });
});

describe("scripts/arena.ts as a command", () => {
  it("runs when executed directly and exits 2 on bad input; importing it ran nothing", () => {
    expect(process.exitCode ?? 0).toBe(0);
    const out = join(dir, "spawned");
    const child = spawnSync("npx", ["tsx", "scripts/arena.ts", "--in", bad, "--out", out], {
      encoding: "utf8",
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain(`${bad}:3: winner "x" is not a, b or tie`);
    expect(existsSync(out)).toBe(false);
  });
});
