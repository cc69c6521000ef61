import { describe, expect, it } from "vitest";
import { formatAssignmentsCsv, formatProblem, parseAssignmentFiles } from "./files";

const IDEAS = "idea_id,topic,condition,author_id,author_institution\ni1,Math,A,u1,MIT\ni2,Bio,B,,\n";
const REVIEWERS = "reviewer_id,topics,min_load,max_load,institution\nr1,Math;Bio,1,3,Inria\nr2,Bio,0,2,\n";
const CONFLICTS = "reviewer_id,idea_id\nr1,i2\n";

describe("parseAssignmentFiles", () => {
  it("reads valid files, with ; separated topics and empty values as null", () => {
    const parsed = parseAssignmentFiles({
      ideas: { name: "ideas.csv", text: IDEAS },
      reviewers: { name: "reviewers.csv", text: REVIEWERS },
      conflicts: { name: "conflicts.csv", text: CONFLICTS },
    });
    expect(parsed).toEqual({
      ok: true,
      ideas: [
        { id: "i1", topic: "Math", condition: "A", authorId: "u1", authorInstitution: "MIT" },
        { id: "i2", topic: "Bio", condition: "B", authorId: null, authorInstitution: null },
      ],
      reviewers: [
        { id: "r1", topics: ["Math", "Bio"], minLoad: 1, maxLoad: 3, institution: "Inria" },
        { id: "r2", topics: ["Bio"], minLoad: 0, maxLoad: 2, institution: null },
      ],
      conflicts: [{ reviewerId: "r1", ideaId: "i2" }],
    });
  });

  const cases: {
    name: string;
    ideas?: string;
    reviewers?: string;
    conflicts?: string;
    problems: string[];
  }[] = [
    {
      name: "missing column",
      ideas: "idea_id,topic,author_id,author_institution\ni1,Math,,\n",
      problems: ['ideas.csv line 1: missing column "condition"'],
    },
    {
      name: "duplicate idea id",
      ideas: `${IDEAS}i1,Math,A,,\n`,
      problems: ["ideas.csv line 4: duplicate idea_id i1 (first on line 2)"],
    },
    {
      name: "unknown topic in reviewers",
      reviewers: `${REVIEWERS}r3,Math;Physics,0,2,\n`,
      problems: ['reviewers.csv line 4: unknown topic "Physics" (no idea in ideas.csv has it)'],
    },
    {
      name: "min > max",
      reviewers: `${REVIEWERS}r3,Math,4,2,\n`,
      problems: ["reviewers.csv line 4: min_load 4 > max_load 2"],
    },
    {
      name: "non-integer loads",
      reviewers: `${REVIEWERS}r3,Math,1.5,x,\n`,
      problems: [
        'reviewers.csv line 4: min_load "1.5" is not a non-negative integer',
        'reviewers.csv line 4: max_load "x" is not a non-negative integer',
      ],
    },
    {
      name: "duplicate reviewer id and no topics",
      reviewers: `${REVIEWERS}r2,,0,1,\n`,
      problems: [
        "reviewers.csv line 4: duplicate reviewer_id r2 (first on line 3)",
        "reviewers.csv line 4: no topics (separate several with ;)",
      ],
    },
    {
      name: "conflicts naming unknown ids",
      conflicts: "reviewer_id,idea_id\nr1,i2\nr9,i1\nr2,i7\n",
      problems: [
        'conflicts.csv line 3: unknown reviewer_id "r9" (not in reviewers.csv)',
        'conflicts.csv line 4: unknown idea_id "i7" (not in ideas.csv)',
      ],
    },
    {
      name: "wrong column count, reported by the CSV reader",
      ideas: `${IDEAS}i3,Math\n`,
      problems: ["ideas.csv line 4: has 2 columns; the header has 5"],
    },
    {
      name: "problems in several files, in file then line order",
      ideas: `${IDEAS}i2,Bio,B,,\n`,
      reviewers: `${REVIEWERS}r3,Bio,3,1,\n`,
      problems: [
        "ideas.csv line 4: duplicate idea_id i2 (first on line 3)",
        "reviewers.csv line 4: min_load 3 > max_load 1",
      ],
    },
  ];

  it.each(cases)("reports $name with file and line", ({ ideas, reviewers, conflicts, problems }) => {
    const parsed = parseAssignmentFiles({
      ideas: { name: "ideas.csv", text: ideas ?? IDEAS },
      reviewers: { name: "reviewers.csv", text: reviewers ?? REVIEWERS },
      conflicts: { name: "conflicts.csv", text: conflicts ?? CONFLICTS },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map(formatProblem)).toEqual(problems);
  });
});

describe("formatAssignmentsCsv", () => {
  it("writes idea_id,reviewer_id with CRLF and quotes where needed", () => {
    expect(
      formatAssignmentsCsv([
        { ideaId: "i1", reviewerId: "r1" },
        { ideaId: "i,2", reviewerId: "r2" },
      ]),
    ).toBe('idea_id,reviewer_id\r\ni1,r1\r\n"i,2",r2\r\n');
  });
});
