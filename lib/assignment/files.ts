// The CSV files shared by the CLI and import/export: ideas.csv, reviewers.csv, conflicts.csv in,
// assignments.csv out. Parsing collects every problem with its line so a file is fixed in one pass.
import { type CsvTable, parseCsv } from "@/lib/csv/parse";
import { toCsv } from "@/lib/csv/write";
import type { Assignment, AssignmentConflict, AssignmentIdea, AssignmentReviewer } from "./types";

export type FileProblem = { file: string; line: number; message: string };

export type ParsedFiles =
  | { ok: true; ideas: AssignmentIdea[]; reviewers: AssignmentReviewer[]; conflicts: AssignmentConflict[] }
  | { ok: false; problems: FileProblem[] };

type Source = { name: string; text: string };

/** Reads the header and hands each row to `read` as a column → value record; missing columns stop it. */
function readTable(
  source: Source,
  required: readonly string[],
  problems: FileProblem[],
): { line: number; get: (column: string) => string }[] | null {
  const table: CsvTable = parseCsv(source.text);
  for (const issue of table.issues)
    problems.push({ file: source.name, line: issue.line, message: issue.message });
  if (table.header.length === 0) return null;
  const header = table.header.map((h) => h.trim().toLowerCase());
  const missing = required.filter((column) => !header.includes(column));
  for (const column of missing) {
    problems.push({ file: source.name, line: table.headerLine, message: `missing column "${column}"` });
  }
  if (missing.length > 0) return null;
  return table.rows.map((row) => ({
    line: row.line,
    get: (column: string) => {
      const index = header.indexOf(column);
      return index === -1 ? "" : (row.values[index] ?? "").trim();
    },
  }));
}

const orNull = (value: string) => (value === "" ? null : value);
const LOAD = /^\d+$/;

export function parseAssignmentFiles(files: {
  ideas: Source;
  reviewers: Source;
  conflicts?: Source;
}): ParsedFiles {
  const problems: FileProblem[] = [];
  const ideas: AssignmentIdea[] = [];
  const ideaLines = new Map<string, number>();
  const ideaRows = readTable(
    files.ideas,
    ["idea_id", "topic", "condition", "author_id", "author_institution"],
    problems,
  );
  const problem = (file: string, line: number, message: string) => problems.push({ file, line, message });

  for (const row of ideaRows ?? []) {
    const id = row.get("idea_id");
    const topic = row.get("topic");
    const condition = row.get("condition");
    if (id === "") problem(files.ideas.name, row.line, "empty idea_id");
    else if (ideaLines.has(id))
      problem(files.ideas.name, row.line, `duplicate idea_id ${id} (first on line ${ideaLines.get(id)})`);
    if (topic === "") problem(files.ideas.name, row.line, "empty topic");
    if (condition === "") problem(files.ideas.name, row.line, "empty condition");
    if (id !== "" && !ideaLines.has(id)) ideaLines.set(id, row.line);
    ideas.push({
      id,
      topic,
      condition,
      authorId: orNull(row.get("author_id")),
      authorInstitution: orNull(row.get("author_institution")),
    });
  }
  const ideaTopics = new Set(ideas.map((i) => i.topic));

  const reviewers: AssignmentReviewer[] = [];
  const reviewerLines = new Map<string, number>();
  const reviewerRows = readTable(
    files.reviewers,
    ["reviewer_id", "topics", "min_load", "max_load", "institution"],
    problems,
  );
  for (const row of reviewerRows ?? []) {
    const name = files.reviewers.name;
    const id = row.get("reviewer_id");
    if (id === "") problem(name, row.line, "empty reviewer_id");
    else if (reviewerLines.has(id))
      problem(name, row.line, `duplicate reviewer_id ${id} (first on line ${reviewerLines.get(id)})`);
    else reviewerLines.set(id, row.line);
    const topics = [
      ...new Set(
        row
          .get("topics")
          .split(";")
          .map((t) => t.trim())
          .filter((t) => t !== ""),
      ),
    ];
    if (topics.length === 0) problem(name, row.line, "no topics (separate several with ;)");
    // Only checked when ideas.csv was readable, or every topic would be reported as unknown.
    if (ideaRows !== null) {
      for (const topic of topics) {
        if (!ideaTopics.has(topic))
          problem(name, row.line, `unknown topic "${topic}" (no idea in ideas.csv has it)`);
      }
    }
    const minText = row.get("min_load");
    const maxText = row.get("max_load");
    if (!LOAD.test(minText)) problem(name, row.line, `min_load "${minText}" is not a non-negative integer`);
    if (!LOAD.test(maxText)) problem(name, row.line, `max_load "${maxText}" is not a non-negative integer`);
    const minLoad = Number(minText);
    const maxLoad = Number(maxText);
    if (LOAD.test(minText) && LOAD.test(maxText) && minLoad > maxLoad) {
      problem(name, row.line, `min_load ${minLoad} > max_load ${maxLoad}`);
    }
    reviewers.push({ id, topics, minLoad, maxLoad, institution: orNull(row.get("institution")) });
  }

  const conflicts: AssignmentConflict[] = [];
  if (files.conflicts) {
    const name = files.conflicts.name;
    const rows = readTable(files.conflicts, ["reviewer_id", "idea_id"], problems);
    for (const row of rows ?? []) {
      const reviewerId = row.get("reviewer_id");
      const ideaId = row.get("idea_id");
      if (reviewerRows !== null && !reviewerLines.has(reviewerId)) {
        problem(name, row.line, `unknown reviewer_id "${reviewerId}" (not in ${files.reviewers.name})`);
      }
      if (ideaRows !== null && !ideaLines.has(ideaId)) {
        problem(name, row.line, `unknown idea_id "${ideaId}" (not in ${files.ideas.name})`);
      }
      conflicts.push({ reviewerId, ideaId });
    }
  }

  if (problems.length > 0) {
    const order = [files.ideas.name, files.reviewers.name, files.conflicts?.name];
    problems.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.line - b.line);
    return { ok: false, problems };
  }
  return { ok: true, ideas, reviewers, conflicts };
}

export function formatProblem(p: FileProblem): string {
  return `${p.file} line ${p.line}: ${p.message}`;
}

export function formatAssignmentsCsv(assignments: readonly Assignment[]): string {
  return toCsv({
    columns: ["idea_id", "reviewer_id"],
    rows: assignments.map((a) => [a.ideaId, a.reviewerId]),
  });
}
