import { describe, expect, it } from "vitest";
import { parseMatchesCsv, toEpochMs, writeMatchesCsv } from "./matches-file";

const HEADER =
  "match_id,topic,idea_a,idea_b,condition_a,condition_b,judge_id,judge_kind,criterion,winner,created_at";
const ROW1 = "m1,T1,i1,i2,X,Y,u1,human,novelty,a,1735689600000";
const ROW2 = "m1,T1,i1,i2,X,Y,u1,human,clarity,tie,1735689600000";
const ROW3 = "m2,T1,i2,i3,Y,X,llm,llm,novelty,b,2025-01-01T00:00:05Z";
const FILE = `${HEADER}\n${ROW1}\n${ROW2}\n${ROW3}\n`;

describe("parseMatchesCsv", () => {
  it("reads every column, epoch-ms dates as numbers and ISO dates as written", () => {
    const parsed = parseMatchesCsv(FILE);
    expect(parsed).toEqual({
      ok: true,
      matches: [
        {
          matchId: "m1",
          topic: "T1",
          ideaA: "i1",
          ideaB: "i2",
          conditionA: "X",
          conditionB: "Y",
          judgeId: "u1",
          judgeKind: "human",
          criterion: "novelty",
          winner: "a",
          createdAt: 1735689600000,
        },
        expect.objectContaining({ matchId: "m1", criterion: "clarity", winner: "tie" }),
        expect.objectContaining({
          matchId: "m2",
          judgeKind: "llm",
          winner: "b",
          createdAt: "2025-01-01T00:00:05Z",
        }),
      ],
    });
  });

  it("accepts columns in any order and header case", () => {
    const parsed = parseMatchesCsv(
      "WINNER,criterion,created_at,judge_kind,judge_id,condition_b,condition_a,idea_b,idea_a,topic,match_id\na,novelty,1,llm,llm,Y,X,i2,i1,T,m1\n",
    );
    expect(parsed.ok && parsed.matches[0]).toMatchObject({
      ideaA: "i1",
      ideaB: "i2",
      winner: "a",
      createdAt: 1,
    });
  });

  const cases: { name: string; text: string; issues: string[] }[] = [
    { name: "empty file", text: "", issues: ["1: the file has no header row"] },
    {
      name: "missing columns",
      text: "match_id,topic,idea_a,idea_b,condition_a,condition_b,judge_id,criterion,winner\n",
      issues: ['1: missing column "judge_kind"', '1: missing column "created_at"'],
    },
    {
      name: "bad winner",
      text: `${HEADER}\nm1,T1,i1,i2,X,Y,u1,human,novelty,A wins,1\n`,
      issues: ['2: winner "A wins" is not a, b or tie'],
    },
    {
      name: "bad judge kind",
      text: `${HEADER}\nm1,T1,i1,i2,X,Y,u1,robot,novelty,a,1\n`,
      issues: ['2: judge_kind "robot" is not human or llm'],
    },
    {
      name: "same idea on both sides",
      text: `${HEADER}\nm1,T1,i1,i1,X,X,u1,human,novelty,a,1\n`,
      issues: ["2: idea_a and idea_b are the same idea (i1)"],
    },
    {
      name: "empty ids, all reported",
      text: `${HEADER}\n,T1,,i2,X,Y,u1,human,,a,1\n`,
      issues: ["2: empty match_id", "2: empty idea_a", "2: empty criterion"],
    },
    {
      name: "unreadable date",
      text: `${HEADER}\nm1,T1,i1,i2,X,Y,u1,human,novelty,a,yesterday\n`,
      issues: ['2: created_at "yesterday" is neither epoch milliseconds nor an ISO 8601 date'],
    },
    {
      name: "reserved criterion",
      text: `${HEADER}\nm1,T1,i1,i2,X,Y,u1,human,average,a,1\n`,
      issues: ['2: criterion "average" is reserved for the outputs\' summary rows'],
    },
    {
      name: "a second verdict on one criterion",
      text: `${HEADER}\n${ROW1}\n${ROW1}\n`,
      issues: ["3: match m1 has a second novelty verdict"],
    },
    {
      name: "rows of one match that disagree",
      text: `${HEADER}\n${ROW1}\nm1,T1,i1,i3,X,Y,u1,human,clarity,a,1735689600000\n`,
      issues: ['3: match m1 has idea_b "i3" but "i2" on line 2'],
    },
    {
      name: "an idea with two conditions",
      text: `${HEADER}\n${ROW1}\nm2,T1,i3,i1,X,Z,u1,human,novelty,a,1735689600001\n`,
      issues: ['3: idea i1 has condition "Z" but "X" on line 2'],
    },
    {
      name: "wrong column count and a broken quote, every line reported",
      text: `${HEADER}\nm1,T1,i1\n${ROW3}\n"m3,T1\n`,
      issues: [
        "2: has 3 columns; the header has 11",
        "4: unterminated quoted field: the quote opened on line 4 is never closed",
      ],
    },
  ];
  it.each(cases)("reports $name with its line", ({ text, issues }) => {
    const parsed = parseMatchesCsv(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => `${i.line}: ${i.message}`)).toEqual(issues);
  });
});

describe("writeMatchesCsv", () => {
  it("round-trips through parseMatchesCsv, quoting where needed", () => {
    const parsed = parseMatchesCsv(`${FILE}"m3","Topic, with comma",i1,i3,X,X,u2,human,novelty,tie,7\n`);
    if (!parsed.ok) throw new Error("fixture should parse");
    const text = writeMatchesCsv(parsed.matches);
    expect(text.split("\r\n")[0]).toBe(HEADER);
    expect(text).toContain('"Topic, with comma"');
    expect(parseMatchesCsv(text)).toEqual(parsed);
  });
});

describe("toEpochMs", () => {
  it("reads integers as epoch ms and ISO text as a date", () => {
    expect(toEpochMs("1735689600000")).toBe(1735689600000);
    expect(toEpochMs("2025-01-01T00:00:00Z")).toBe(1735689600000);
    expect(toEpochMs(12)).toBe(12);
    expect(toEpochMs("soon")).toBeNaN();
  });
});
