import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { runStatsCli } from "./stats";

const HEADER =
  "review_id,idea_id,topic,condition,reviewer_id,novelty,overall,confidence,familiarity,minutes,submitted_at";
const GOOD = [
  HEADER,
  "v1,h1,Bias,Human,r1,3,4,3,2,10,",
  "v2,h2,Bias,Human,r2,4,5,3,2,10,",
  "v3,h3,Code,Human,r3,5,,3,2,10,",
  "v4,a1,Bias,AI,r1,6,6,3,2,10,",
  "v5,a2,Code,AI,r2,7,5,3,2,10,",
  "v6,a3,Code,AI,r3,8,7,3,2,10,",
].join("\n");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "stats-cli-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function input(text: string): string {
  const path = join(dir, "reviews.csv");
  writeFileSync(path, text);
  return path;
}

describe("npm run stats", () => {
  it("reads the app's own export, with the idea code before the UUID, to the same outputs", () => {
    const withCode = GOOD.split("\n")
      .map((line, i) => {
        const [review, idea, ...rest] = line.split(",");
        return [review, i === 0 ? "idea_code" : `C-${idea?.toUpperCase()}`, idea, ...rest].join(",");
      })
      .join("\n");
    const run = (text: string, out: string) =>
      runStatsCli(["--in", input(text), "--baseline", "Human", "--out", join(dir, out)]);
    const plain = run(GOOD, "plain");
    const coded = run(withCode, "coded");
    expect([plain.code, coded.code]).toEqual([0, 0]);
    expect(coded.stdout.replaceAll("/coded/", "/plain/")).toBe(plain.stdout);
    for (const file of ["significance.csv", "descriptives.csv", "agreement.csv", "topics.csv"]) {
      expect(readFileSync(join(dir, "coded", file), "utf8")).toBe(
        readFileSync(join(dir, "plain", file), "utf8"),
      );
    }
  });

  it("writes the five outputs and prints a one-line summary", () => {
    const out = join(dir, "out");
    const result = runStatsCli([
      "--in",
      input(GOOD),
      "--baseline",
      "Human",
      "--correction",
      "holm",
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain('warning: small n: unit=review, "AI" vs "Human"');
    expect(result.stdout).toMatch(
      /^Analyzed 6 reviews \(2 metrics, 2 conditions, baseline Human\): 5 of 6 tests run, \d+ significant after holm/,
    );
    expect(readdirSync(out).sort()).toEqual([
      "agreement.csv",
      "descriptives.csv",
      "mixed-model.R",
      "significance.csv",
      "significance.md",
      "significance.tex",
      "topics.csv",
    ]);
    const significance = parseCsv(readFileSync(join(out, "significance.csv"), "utf8"));
    expect(significance.rows).toHaveLength(6);
    expect(
      significance.rows.every((r) => r.values[significance.header.indexOf("correction")] === "holm"),
    ).toBe(true);
    expect(readFileSync(join(out, "mixed-model.R"), "utf8")).toContain('baseline <- "Human"');
  });

  it("limits the analysis to --metrics", () => {
    const out = join(dir, "out");
    const result = runStatsCli([
      "--in",
      input(GOOD),
      "--baseline",
      "Human",
      "--metrics",
      "overall",
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    const rows = parseCsv(readFileSync(join(out, "significance.csv"), "utf8")).rows;
    expect(rows.map((r) => r.values[1])).toEqual(["overall", "overall", "overall"]);
  });

  const bad: { name: string; text?: string; args: string[]; stderr: string[] }[] = [
    {
      name: "missing required column",
      text: GOOD.replace(",condition,", ",arm,"),
      args: [],
      stderr: ['REVIEWS:1: missing column "condition"'],
    },
    {
      name: "non-numeric score",
      text: `${GOOD}\nv7,a4,Bias,AI,r1,high,5,3,2,10,`,
      args: [],
      stderr: ['REVIEWS:8: column "novelty": "high" is not a number'],
    },
    {
      name: "unknown baseline",
      args: ["--baseline", "Humans"],
      stderr: ['REVIEWS: unknown baseline "Humans" (conditions: Human, AI)'],
    },
    {
      name: "missing metric column",
      args: ["--metrics", "novelty,clarity"],
      stderr: ['REVIEWS:1: missing metric column "clarity"'],
    },
    {
      name: "bad correction",
      args: ["--correction", "fdr"],
      stderr: ['--correction must be one of bonferroni, holm, bh (got "fdr").'],
    },
    {
      name: "bad family",
      args: ["--family", "all"],
      stderr: ['--family must be one of comparison, unit (got "all").'],
    },
    { name: "unknown flag", args: ["--alpha", "0.1"], stderr: ["Unknown argument --alpha."] },
    { name: "flag without value", args: ["--metrics"], stderr: ["--metrics needs a value."] },
  ];

  it.each(bad)("exits 2 and writes nothing: $name", ({ text, args, stderr }) => {
    const path = input(text ?? GOOD);
    const out = join(dir, "out");
    const base = new Map([
      ["--in", path],
      ["--baseline", "Human"],
      ["--out", out],
    ]);
    const extra: string[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const key = args[i] as string;
      if (base.has(key) && args[i + 1] !== undefined) base.set(key, args[i + 1] as string);
      else extra.push(...args.slice(i, i + 2));
    }
    const result = runStatsCli([...[...base].flat(), ...extra]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.replaceAll(path, "REVIEWS").trim().split("\n");
    expect(lines.slice(0, stderr.length)).toEqual(stderr);
    expect(existsSync(out)).toBe(false);
  });

  it("without --out prints the Markdown summary, writes nothing, and notes skipped analyses", () => {
    const noIds = GOOD.split("\n")
      .map((line, i) => (i === 0 ? line : line.replace(/^([^,]*,[^,]*,[^,]*,[^,]*,)[^,]*/, "$1")))
      .join("\n");
    const result = runStatsCli(["--in", input(noIds), "--baseline", "Human"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(
      "**Reviews as units** (Welch two-sample t-test; effect Hedges' g)",
    );
    expect(result.stdout).toContain("Reviewers as units not tested");
    expect(result.stderr).toContain(
      'note: skipped: unit=reviewer needs reviewer ids (column "reviewer_id"), and no row has one',
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("exits 2 when a required flag is missing or the file cannot be read", () => {
    const missing = runStatsCli(["--in", input(GOOD), "--out", join(dir, "out")]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/^Missing --baseline\./);
    const unreadable = runStatsCli([
      "--in",
      join(dir, "nope.csv"),
      "--baseline",
      "Human",
      "--out",
      join(dir, "out"),
    ]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain(`${join(dir, "nope.csv")}: cannot read`);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
