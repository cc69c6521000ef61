// JSONL corpus import: one `{id,title,abstract,year,authors,venue,references}` object a line, with
// `references` naming ids of other lines in the same file. Every line is checked; any error rejects
// the whole file with messages that name the line.
import { z } from "zod";
import { AppError } from "../errors";
import type { PaperInput, ParsedCorpus } from "./types";

const idValue = z
  .union([z.string().trim().min(1, "must not be empty"), z.number().int()], {
    error: "must be a string or an integer",
  })
  .transform(String);
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || null);

const lineSchema = z.object({
  id: idValue,
  title: z.string({ error: "is required" }).trim().min(1, "is required"),
  abstract: z
    .string()
    .nullish()
    .transform((v) => v ?? ""),
  year: z.number().int().min(1000).max(2200).nullish(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
    .nullish(),
  authors: z
    .array(z.union([z.string(), z.object({ name: z.string() })]))
    .nullish()
    .transform((a) =>
      (a ?? []).map((x) => ({ name: (typeof x === "string" ? x : x.name).trim() })).filter((x) => x.name),
    ),
  venue: optionalText,
  references: z.array(idValue).nullish(),
  doi: optionalText,
  arxivId: optionalText,
  url: optionalText,
  citationCount: z.number().int().min(0).nullish(),
});

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED = 20;

function formatIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .slice(1);
  return field ? `${field} ${issue.message}` : issue.message;
}

export function parseJsonlCorpus(text: string): ParsedCorpus {
  const errors: string[] = [];
  const rows: { line: number; data: z.output<typeof lineSchema> }[] = [];
  const lineById = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      errors.push(`Line ${line}: not valid JSON.`);
      return;
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) {
      errors.push(`Line ${line}: ${parsed.error.issues.map(formatIssue).join("; ")}.`);
      return;
    }
    const first = lineById.get(parsed.data.id);
    if (first !== undefined) {
      errors.push(`Line ${line}: id "${parsed.data.id}" is already used on line ${first}.`);
      return;
    }
    lineById.set(parsed.data.id, line);
    rows.push({ line, data: parsed.data });
  });
  const indexById = new Map(rows.map((r, i) => [r.data.id, i]));
  const edges: ParsedCorpus["edges"] = [];
  for (const [citing, { line, data }] of rows.entries()) {
    for (const [k, ref] of (data.references ?? []).entries()) {
      const cited = indexById.get(ref);
      if (cited === undefined)
        errors.push(`Line ${line}: references[${k}] "${ref}" is not the id of a paper in this file.`);
      else edges.push({ citing, cited });
    }
  }
  if (rows.length === 0 && errors.length === 0) errors.push("The file holds no papers.");
  if (errors.length > 0) {
    const more = errors.length > MAX_LISTED ? `\n…and ${errors.length - MAX_LISTED} more.` : "";
    throw new AppError("invalid:corpus", `${errors.slice(0, MAX_LISTED).join("\n")}${more}`);
  }
  const papers = rows.map(
    ({ data: d }): PaperInput => ({
      doi: d.doi,
      arxivId: d.arxivId,
      s2Id: null,
      openalexId: null,
      aclId: null,
      importId: d.id,
      title: d.title,
      abstract: d.abstract,
      year: d.year ?? (d.date ? Number(d.date.slice(0, 4)) : null),
      date: d.date ?? null,
      venue: d.venue,
      authors: d.authors,
      citationCount: d.citationCount ?? null,
      url: d.url,
      pdfUrl: null,
      source: "import",
    }),
  );
  return { papers, edges, unresolved: [] };
}
