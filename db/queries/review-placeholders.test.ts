import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { AppError } from "@/lib/errors";
import { analyzeReviews, parseTidyReviews, type SignificanceRow } from "@/lib/stats";
import { computeStudyResults } from "./results";
import { getTidyReviewExport } from "./review-exchange";
import { importReviews } from "./review-import";
import { getStudySettings } from "./study-setup";

beforeEach(() => {
  resetTestDb();
});

// An external table in the shape of a published one: no review or reviewer ids, ideas the study
// does not have, topics it does not have yet.
const HEADER = "idea_id,topic,condition,novelty,excitement,feasibility,effectiveness,overall";
const ROWS = [
  "Bias_1_Human,Bias,Human,4,4,7,5,4",
  "Bias_1_Human,Bias,Human,5,3,8,5,5",
  "Bias_2_Human,Bias,Human,3,5,6,4,4",
  "Math_1_Human,Math,Human,5,4,7,6,5",
  "Math_1_Human,Math,Human,4,4,6,5,3",
  "Bias_1_AI,Bias,AI,6,6,6,6,5",
  "Bias_2_AI,Bias,AI,7,5,5,6,6",
  "Bias_2_AI,Bias,AI,6,6,7,5,5",
  "Math_1_AI,Math,AI,5,5,6,5,4",
  "Math_2_AI,Math,AI,8,6,4,6,6",
];
const FILE = [HEADER, ...ROWS].join("\n");

function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an error");
}

function setup() {
  const organizer = makeUser({ name: "Olga Organizer" });
  const study = makeStudy({ organizer });
  expect(getStudySettings({ studyId: study.id }).conditions.map((c) => c.key)).toEqual(["Human", "AI"]);
  const run = (text: string, createMissingIdeas: boolean, fileName = "paper.csv") =>
    importReviews({
      studyId: study.id,
      actorId: organizer.id,
      fileName,
      text,
      createMissingIdeas,
      // Published tables carry scores, not the form's 100-character rationales.
      allowShortRationales: true,
    });
  return { study, run };
}

const NUMBERS: (keyof SignificanceRow)[] = [
  "nCondition",
  "meanCondition",
  "sdCondition",
  "nBaseline",
  "meanBaseline",
  "meanDiff",
  "ciLow",
  "ciHigh",
  "t",
  "df",
  "pValue",
  "pAdjusted",
  "effectSize",
  "robustP",
  "note",
];
const pick = (row: SignificanceRow) => NUMBERS.map((k) => row[k]);

describe("importing external reviews with 'create missing ideas'", () => {
  it("refuses unknown ideas unless asked, then creates placeholders and topics once", () => {
    const { study, run } = setup();
    const refused = catchError(() => run(FILE, false));
    expect(refused.message).toContain(
      'line 2: unknown idea "Bias_1_Human" (tick "create missing ideas" to add placeholders)',
    );
    expect(getTidyReviewExport({ studyId: study.id }).rows).toHaveLength(0);

    expect(run(FILE, true)).toEqual({ added: 10, unchanged: 0, ideasCreated: 7, topicsCreated: 2 });
    // The same file again: the placeholders are found by their external id, the reviews by line.
    expect(run(FILE, true)).toEqual({ added: 0, unchanged: 10, ideasCreated: 0, topicsCreated: 0 });
    const exported = getTidyReviewExport({ studyId: study.id });
    expect(exported.rows[0]?.[0]).toMatch(/^paper\.csv#line-\d+$/);
    expect(exported.rows.every((r) => r[5] === "")).toBe(true);
  });

  it("gives the results page the numbers of the file itself", () => {
    const { study, run } = setup();
    run(FILE, true);
    const parsed = parseTidyReviews(FILE);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const direct = analyzeReviews(parsed.table, { baseline: "Human" });
    const page = computeStudyResults({ studyId: study.id, params: { baseline: "Human" } });
    expect(page.analysis.significance.map(pick)).toEqual(direct.significance.map(pick));
    const reviewer = page.analysis.significance.filter((r) => r.unit === "reviewer");
    expect(reviewer.every((r) => r.note.includes('"reviewer_id"'))).toBe(true);
  });

  it("refuses rows that cannot make a placeholder, naming the line, and writes nothing", () => {
    const { study, run } = setup();
    const text = [
      HEADER,
      ",Bias,Human,4,4,7,5,4",
      "X_1,,Human,4,4,7,5,4",
      "X_2,Bias,AI,4,4,7,5,4",
      "X_2,Math,AI,4,4,7,5,4",
      "X_3,Bias,Robot,4,4,7,5,4",
    ].join("\n");
    const e = catchError(() => run(text, true));
    expect(e.message).toContain('line 2: column "idea_id" is empty');
    const parsedOk = catchError(() => run(text.replace("\n,Bias,Human,4,4,7,5,4", ""), true));
    expect(parsedOk.message).toContain(
      'line 2: idea "X_1" is not in this study, and a placeholder needs its topic (column "topic")',
    );
    expect(parsedOk.message).toContain(
      'line 4: idea "X_2" is under Math/AI here but Bias/AI on line 3; a placeholder has one topic and condition',
    );
    expect(getTidyReviewExport({ studyId: study.id }).rows).toHaveLength(0);
    expect(getStudySettings({ studyId: study.id }).topics ?? []).toHaveLength(0);
  });
});
