import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMatchesCsv, writeMatchesCsv } from "@/lib/arena/matches-file";
import type { MatchRecord } from "@/lib/arena/types";
import { formatAssignmentsCsv } from "@/lib/assignment/files";
import { type ExportIdea, ideasToCsv } from "@/lib/ideas/export";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { formatDescriptivesCsv, formatTopicsCsv } from "@/lib/stats/csv";
import { parseTidyReviews, tidyColumns } from "@/lib/stats/tidy";
import { parseCsv } from "./parse";
import { toCsv } from "./write";

// Text people typed (titles, rationales, topic and condition names) must never reach a spreadsheet as
// a formula, from any CSV the app writes; and the app must read its own files back unchanged.

const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "'already quoted",
  "''two",
];

/** The raw cells as a spreadsheet sees them (no unescaping): a tiny reader for these simple files. */
function rawCells(csv: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let value = "";
    if (csv[i] === '"') {
      i += 1;
      while (i < csv.length) {
        if (csv[i] === '"' && csv[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (csv[i] === '"') {
          i += 1;
          break;
        } else value += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== "," && csv[i] !== "\r" && csv[i] !== "\n") value += csv[i++];
    }
    cells.push(value);
    if (csv[i] === ",") i += 1;
    else if (csv[i] === "\r" && csv[i + 1] === "\n") i += 2;
    else if (csv[i] !== undefined) i += 1;
  }
  return cells;
}

function expectNoFormula(csv: string) {
  for (const cell of rawCells(csv)) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
}

describe("toCsv and parseCsv", () => {
  it.each(HOSTILE)("writes %j so no spreadsheet runs it, and reads it back unchanged", (text) => {
    const csv = toCsv({ columns: ["title"], rows: [[text]] });
    expectNoFormula(csv);
    expect(parseCsv(csv).rows[0]!.values).toEqual([text]);
  });

  it("leaves numbers, numeric text and ordinary text alone", () => {
    const csv = toCsv({ columns: ["a", "b", "c", "d"], rows: [[-1.5, "-2", "+3.5e2", "plain - text"]] });
    expect(csv).toBe("a,b,c,d\r\n-1.5,-2,+3.5e2,plain - text\r\n");
  });
});

const idea = (title: string): ExportIdea => ({
  id: "00000000-0000-4000-8000-000000000001",
  code: "A1",
  topic: "=topic",
  conditionKey: "Human",
  conditionLabel: "@label",
  status: "submitted",
  provenance: "written",
  provenanceSource: null,
  externalId: "-ext",
  authorName: "+name",
  authorEmail: null,
  createdAt: 0,
  submittedAt: 0,
  fields: Object.fromEntries(DEFAULT_IDEA_TEMPLATE.map((f) => [f.key, title])),
  normalizedFields: null,
  normalizationReview: "none" as ExportIdea["normalizationReview"],
  reviewTextSource: "original",
});

const match = (topic: string): MatchRecord => ({
  matchId: "m1",
  topic,
  ideaA: "=A",
  ideaB: "@B",
  conditionA: "+Human",
  conditionB: "-AI",
  judgeId: "j1",
  judgeKind: "human",
  criterion: "novelty",
  winner: "a",
  createdAt: 1,
});

// One entry per CSV writer in the app. The scan below fails when a file writes CSV any other way.
const WRITERS: Record<string, (text: string) => string> = {
  "ideas export (lib/ideas/export.ts)": (t) =>
    ideasToCsv({ ideas: [idea(t)], template: DEFAULT_IDEA_TEMPLATE }),
  "review export and reviews.csv (tidy table via toCsv)": (t) =>
    toCsv({
      columns: tidyColumns(["novelty"], ["novelty_rationale"]),
      rows: [["r1", "C1", "i1", t, t, "rv1", 5, 3, 2, 10, "2026-01-01", t]],
    }),
  "arena matches.csv": (t) => writeMatchesCsv([match(t)]),
  "stats topics.csv": (t) => formatTopicsCsv([{ topic: t } as never]),
  "stats descriptives.csv": (t) =>
    formatDescriptivesCsv([
      { condition: t, metric: t, n: 1, mean: 1, median: 1, sd: 0, se: 0, min: 1, max: 1, missing: 0 },
    ]),
  "assignments.csv": (t) => formatAssignmentsCsv([{ ideaId: t, reviewerId: t }]),
};

describe("every CSV writer", () => {
  for (const [name, write] of Object.entries(WRITERS)) {
    it.each(HOSTILE)(`${name}: %j is neutralized`, (text) => {
      expectNoFormula(write(text));
    });
  }

  it("the stats parser reads the app's own review export back unchanged", () => {
    const text = '=HYPERLINK("http://evil.example")';
    const parsed = parseTidyReviews(WRITERS["review export and reviews.csv (tidy table via toCsv)"]!(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const row = parsed.table.rows[0]!;
    expect([row.topic, row.condition, row.extra.novelty_rationale]).toEqual([text, text, text]);
  });

  it("the arena parser reads the app's own matches.csv back unchanged", () => {
    const parsed = parseMatchesCsv(writeMatchesCsv([match("-topic")]));
    expect(parsed).toMatchObject({ matches: [{ ...match("-topic"), createdAt: 1 }] });
  });

  it("no source file assembles CSV itself: every writer goes through toCsv", () => {
    const roots = ["lib", "db", "server", "app", "scripts", "components"];
    const offenders: string[] = [];
    for (const root of roots) {
      for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
        const file = path.join(root, rel);
        if (
          !/\.(ts|tsx)$/.test(file) ||
          /\.test\.ts$/.test(file) ||
          file === path.join("lib", "csv", "write.ts")
        )
          continue;
        const text = fs.readFileSync(file, "utf8");
        // Comma-joined cells and CRLF/LF-joined lines in one file is a hand-made CSV.
        if (/join\(","\)/.test(text) && /join\("\\r?\\n"\)/.test(text)) offenders.push(file);
        // A CSV response whose body does not come from toCsv or a writer built on it.
        const servesCsv = /text\/csv/.test(text) && /new Response/.test(text);
        if (servesCsv && !/toCsv|Csv\(|csvFile|ARENA_FILE|RESULT_FILES/.test(text)) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });
});
