import { describe, expect, it } from "vitest";
import { parseTidyReviews, TIDY_LEADING, TIDY_TRAILING, tidyColumns } from "./tidy";

const HEADER =
  "review_id,idea_id,topic,condition,reviewer_id,novelty,excitement,confidence,familiarity,minutes,submitted_at";
const ROW1 = "v1,i1,Math,Human,r1,6,5,4,3,20,2025-01-02T10:00:00Z";
const ROW2 = "v2,i2,Bio,AI,r2,,7.5,,,,";
const GOOD = `${HEADER}\n${ROW1}\n${ROW2}\n`;

describe("parseTidyReviews", () => {
  it("reads metrics between reviewer_id and confidence, with empty cells as null", () => {
    const parsed = parseTidyReviews(GOOD);
    expect(parsed).toEqual({
      ok: true,
      table: {
        metrics: ["novelty", "excitement"],
        extraColumns: [],
        rows: [
          {
            line: 2,
            reviewId: "v1",
            ideaId: "i1",
            topic: "Math",
            condition: "Human",
            reviewerId: "r1",
            scores: { novelty: 6, excitement: 5 },
            confidence: 4,
            familiarity: 3,
            minutes: 20,
            submittedAt: "2025-01-02T10:00:00Z",
            extra: {},
          },
          {
            line: 3,
            reviewId: "v2",
            ideaId: "i2",
            topic: "Bio",
            condition: "AI",
            reviewerId: "r2",
            scores: { novelty: null, excitement: 7.5 },
            confidence: null,
            familiarity: null,
            minutes: null,
            submittedAt: "",
            extra: {},
          },
        ],
      },
    });
  });

  it("keeps the export's extra columns, matches fixed columns case-insensitively and trims headers", () => {
    const text =
      ' Review_ID ,IDEA_ID,topic,condition,reviewer_id,novelty,confidence,familiarity,minutes,submitted_at,novelty_rationale,active_seconds\nv1,i1,T,A,r1,3,1,2,3,,"new, and ""bold""",95\n';
    const parsed = parseTidyReviews(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.table.metrics).toEqual(["novelty"]);
    expect(parsed.table.extraColumns).toEqual(["novelty_rationale", "active_seconds"]);
    expect(parsed.table.rows[0]?.reviewId).toBe("v1");
    expect(parsed.table.rows[0]?.extra).toEqual({
      novelty_rationale: 'new, and "bold"',
      active_seconds: "95",
    });
  });

  it("takes the metrics named in options, and the other columns become extra", () => {
    const parsed = parseTidyReviews(GOOD, { metrics: ["excitement"] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.table.metrics).toEqual(["excitement"]);
    expect(parsed.table.extraColumns).toEqual(["novelty"]);
    expect(parsed.table.rows[1]?.scores).toEqual({ excitement: 7.5 });
    expect(parsed.table.rows[1]?.extra).toEqual({ novelty: "" });
  });

  it("round-trips the header written by tidyColumns", () => {
    const columns = tidyColumns(["novelty", "overall"], ["active_seconds"]);
    expect(columns).toEqual([...TIDY_LEADING, "novelty", "overall", ...TIDY_TRAILING, "active_seconds"]);
    const parsed = parseTidyReviews(`${columns.join(",")}\nv1,C1,i1,T,A,r1,1,2,3,4,5,,60\n`);
    expect(parsed.ok && parsed.table.metrics).toEqual(["novelty", "overall"]);
  });

  it("needs only idea_id, condition and metrics; review ids are generated from the line", () => {
    const parsed = parseTidyReviews("condition,idea_id,novelty,overall,novelty_rationale\nA,i1,3,,ok\n");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.table.metrics).toEqual(["novelty", "overall"]);
    expect(parsed.table.extraColumns).toEqual(["novelty_rationale"]);
    expect(parsed.table.absent).toEqual([
      "review_id",
      "topic",
      "reviewer_id",
      "confidence",
      "familiarity",
      "minutes",
      "submitted_at",
    ]);
    expect(parsed.table.rows[0]).toMatchObject({
      reviewId: "line-2",
      topic: "",
      reviewerId: "",
      minutes: null,
    });
    expect(parsed.table.rows[0]?.scores).toEqual({ novelty: 3, overall: null });
  });

  it("takes the metrics before the first trailing column when reviewer_id is absent", () => {
    const parsed = parseTidyReviews("idea_id,condition,novelty,minutes,extra\ni1,A,3,10,x\n");
    expect(parsed.ok && parsed.table.metrics).toEqual(["novelty"]);
    expect(parsed.ok && parsed.table.extraColumns).toEqual(["extra"]);
  });

  it("accepts empty reviewer ids and topics", () => {
    const parsed = parseTidyReviews(`${HEADER}\nv1,i1,,A,,1,2,,,,\n`);
    expect(parsed.ok).toBe(true);
  });

  const cases: { name: string; text: string; metrics?: string[]; issues: string[] }[] = [
    {
      name: "missing required columns",
      text: "review_id,topic,reviewer_id,novelty,confidence,minutes\nv1,T,r1,1,2,3\n",
      issues: ['1: missing column "idea_id"', '1: missing column "condition"'],
    },
    {
      name: "no metric columns",
      text: "review_id,idea_id,topic,condition,reviewer_id,confidence,familiarity,minutes,submitted_at\n",
      issues: ['1: no metric columns between "reviewer_id" and "confidence"'],
    },
    {
      name: "a requested metric is absent",
      text: GOOD,
      metrics: ["novelty", "overall"],
      issues: ['1: missing metric column "overall"'],
    },
    {
      name: "a fixed column twice",
      text: `${HEADER},Condition\n`,
      issues: ['1: column "condition" appears more than once'],
    },
    {
      name: "non-numeric values name the column and the value",
      text: `${HEADER}\nv1,i1,T,A,r1,abc,0x10,high,3,Infinity,\n`,
      issues: [
        '2: column "novelty": "abc" is not a number',
        '2: column "excitement": "0x10" is not a number',
        '2: column "confidence": "high" is not a number',
        '2: column "minutes": "Infinity" is not a number',
      ],
    },
    {
      name: "empty identifiers",
      text: `${HEADER}\n,,T,,,1,1,1,1,1,\n`,
      issues: [
        '2: column "review_id" is empty',
        '2: column "idea_id" is empty',
        '2: column "condition" is empty',
      ],
    },
    {
      name: "duplicate review_id names the earlier line",
      text: `${GOOD}v1,i3,T,A,r3,1,1,1,1,1,\n`,
      issues: ['4: duplicate review_id "v1" (first on line 2)'],
    },
    {
      name: "wrong column count and every bad row reported",
      text: `${HEADER}\nv1,i1,T,A,r1,1\nv2,i1,T,A,r1,x,1,1,1,1,\n`,
      issues: ["2: has 6 columns; the header has 11", '3: column "novelty": "x" is not a number'],
    },
    { name: "empty file", text: "", issues: ["1: the file has no header row"] },
  ];

  it.each(cases)("reports $name", ({ text, metrics, issues }) => {
    const parsed = parseTidyReviews(text, metrics === undefined ? {} : { metrics });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => `${i.line}: ${i.message}`)).toEqual(issues);
  });

  it("caps the list at 50 problems plus one line counting the rest", () => {
    const rows = Array.from({ length: 60 }, (_, k) => `v${k},i1,T,A,r1,bad,1,1,1,1,`);
    const parsed = parseTidyReviews(`${HEADER}\n${rows.join("\n")}\n`);
    if (parsed.ok) throw new Error("expected issues");
    expect(parsed.issues).toHaveLength(51);
    expect(parsed.issues[50]).toEqual({ line: 52, message: "and 10 more problems from here on" });
  });
});
