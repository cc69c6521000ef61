import { parseCsv } from "@/lib/csv/parse";
import { formatCount } from "@/lib/format";
import type { IdeaFields, IdeaTemplateField } from "@/lib/ideas/types";
import { validateIdeaFields } from "./template";

// Reads an idea file (JSONL or CSV) into rows ready to insert, or into a list of every problem
// found. All-or-nothing is the caller's job: with any error it imports nothing, so this module
// reports every bad row at once rather than stopping at the first.

export type ImportFormat = "jsonl" | "csv";

export type ImportError = {
  /** 1-based line in the file; 0 for a problem with the file as a whole. */
  line: number;
  field?: string;
  /** Complete, for display as is: "line 7: topic …". */
  message: string;
};

export type ImportRow = {
  line: number;
  topicId: string;
  conditionId: string;
  externalId: string | null;
  fields: IdeaFields;
};

export type ImportResult = {
  ok: boolean;
  format: ImportFormat | null;
  /** Valid new rows, also when `ok` is false, for the preview. */
  rows: ImportRow[];
  /** Rows whose external_id the study already has: skipped, not errors, so re-importing is safe. */
  duplicates: Array<{ line: number; externalId: string }>;
  errors: ImportError[];
};

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5_000;

const META_COLUMNS = ["topic", "condition", "external_id"] as const;

type Candidate = { line: number; values: Record<string, unknown> };
/** `records` counts every record read, good or bad, for the row limit. */
type Read = { candidates: Candidate[]; errors: ImportError[]; records: number };

/** UTF-8 size without allocating a copy of a possibly large string. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const lineError = (line: number, message: string, field?: string): ImportError => ({
  line,
  ...(field === undefined ? {} : { field }),
  message: `line ${line}: ${message}`,
});

const fileError = (message: string): ImportError => ({ line: 0, message });

function formatOf(fileName: string): ImportFormat | null {
  const lower = fileName.trim().toLowerCase();
  if (lower.endsWith(".jsonl")) return "jsonl";
  if (lower.endsWith(".csv")) return "csv";
  return null;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

function readJsonl(text: string, known: Set<string>): Read {
  const candidates: Candidate[] = [];
  const errors: ImportError[] = [];
  let records = 0;
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    const source = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (source.trim() === "") return;
    records += 1;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      errors.push(lineError(line, `not valid JSON (${detail})`));
      return;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      errors.push(lineError(line, `expected a JSON object, got ${describeValue(value)}`));
      return;
    }
    const values = value as Record<string, unknown>;
    for (const key of Object.keys(values)) {
      if (!known.has(key)) errors.push(lineError(line, `unknown key "${key}"`, key));
    }
    candidates.push({ line, values });
  });
  return { candidates, errors, records };
}

function readCsv({ text, known, required }: { text: string; known: Set<string>; required: string[] }): Read {
  const table = parseCsv(text);
  const errors = table.issues.map((issue) => lineError(issue.line, issue.message));
  const records = table.rows.length + table.issues.length;
  if (table.header.length === 0) return { candidates: [], errors, records };

  // Keys are lower-case by construction (template.ts), and spreadsheet users capitalize headers.
  const header = table.header.map((h) => h.trim().toLowerCase());
  const line = table.headerLine;
  const seen = new Set<string>();
  let usable = true;
  for (const original of table.header) {
    const shown = original.trim();
    const name = shown.toLowerCase();
    if (seen.has(name)) {
      errors.push(lineError(line, `column "${shown}" appears more than once`, name));
      usable = false;
    }
    seen.add(name);
    if (!known.has(name)) {
      errors.push(lineError(line, `unknown column "${shown}" (expected: ${[...known].join(", ")})`, name));
    }
  }
  for (const name of required) {
    if (!seen.has(name)) {
      errors.push(lineError(line, `missing column "${name}"`, name));
      usable = false;
    }
  }
  // Without a required column every row would fail the same way; the header errors say it once.
  if (!usable) return { candidates: [], errors, records };

  const candidates = table.rows.map((row) => {
    const values: Record<string, unknown> = {};
    header.forEach((name, i) => {
      if (known.has(name)) values[name] = row.values[i];
    });
    return { line: row.line, values };
  });
  return { candidates, errors, records };
}

type Named = { id: string; names: string[] };

/** Case- and space-insensitive lookup that refuses a value two entries both answer to. */
function matchByName(value: string, entries: Named[]): Named | "ambiguous" | null {
  const wanted = value.trim().toLowerCase();
  const hits = entries.filter((e) => e.names.some((n) => n.trim().toLowerCase() === wanted));
  const [only, ...others] = hits;
  if (only === undefined) return null;
  return others.length === 0 ? only : "ambiguous";
}

function knownList(names: string[]): string {
  return names.length === 0 ? "none defined yet" : `known: ${names.join(", ")}`;
}

/**
 * Parses and validates an idea import. Each record has one column (CSV) or key (JSONL) per template
 * field, plus `topic` (a topic name), `condition` (a condition key, or its label) and optional
 * `external_id`. Imported ideas are complete, so fields are checked as on submit.
 */
export function parseIdeaImport({
  fileName,
  content,
  template,
  topics,
  conditions,
  existingExternalIds,
}: {
  fileName: string;
  content: string;
  template: IdeaTemplateField[];
  topics: Array<{ id: string; name: string }>;
  conditions: Array<{ id: string; key: string; label: string }>;
  /** The study's external ids; a list is accepted too, as queries return one. */
  existingExternalIds: ReadonlySet<string> | readonly string[];
}): ImportResult {
  const format = formatOf(fileName);
  const fail = (message: string): ImportResult => ({
    ok: false,
    format,
    rows: [],
    duplicates: [],
    errors: [fileError(message)],
  });
  if (format === null) {
    return fail(`"${fileName}" is neither a .jsonl nor a .csv file; export the ideas as one of those.`);
  }
  const bytes = utf8Length(content);
  if (bytes > MAX_IMPORT_BYTES) {
    return fail(
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
    );
  }
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (text.trim() === "") return fail("The file is empty.");

  const known = new Set([...template.map((f) => f.key), ...META_COLUMNS]);
  const requiredColumns = ["topic", "condition", ...template.filter((f) => f.required).map((f) => f.key)];
  const { candidates, errors, records } =
    format === "jsonl" ? readJsonl(text, known) : readCsv({ text, known, required: requiredColumns });

  if (records > MAX_IMPORT_ROWS) {
    return fail(
      `The file has ${formatCount(records)} ideas; the limit is ${formatCount(MAX_IMPORT_ROWS)} per import. Split it into smaller files.`,
    );
  }
  if (candidates.length === 0 && errors.length === 0) {
    return fail(format === "csv" ? "The file has a header but no ideas." : "The file has no ideas.");
  }

  const topicEntries = topics.map((t) => ({ id: t.id, names: [t.name] }));
  // Keys first: a value that is one condition's key and another's label means the key.
  const conditionByKey = conditions.map((c) => ({ id: c.id, names: [c.key] }));
  const conditionByLabel = conditions.map((c) => ({ id: c.id, names: [c.label] }));

  const rows: ImportRow[] = [];
  const duplicates: ImportResult["duplicates"] = [];
  const existing = new Set(existingExternalIds);
  const firstLineOfId = new Map<string, number>();
  // Lines already faulted while reading (unknown keys) must not reach `rows` either.
  const faultedLines = new Set(errors.map((e) => e.line));

  for (const { line, values } of candidates) {
    const before = errors.length;

    const readText = (key: string): string | null => {
      const value = values[key];
      if (value === undefined || value === null) return null;
      if (typeof value === "string") return value;
      errors.push(lineError(line, `${key} must be text, not ${describeValue(value)}`, key));
      return null;
    };

    let topicId: string | null = null;
    const topic = readText("topic");
    if (topic === null || topic.trim() === "") {
      if (errors.length === before) errors.push(lineError(line, "topic is missing", "topic"));
    } else {
      const hit = matchByName(topic, topicEntries);
      if (hit === null) {
        errors.push(
          lineError(
            line,
            `topic "${topic.trim()}" is not a topic of this study (${knownList(topics.map((t) => t.name))})`,
            "topic",
          ),
        );
      } else if (hit === "ambiguous") {
        errors.push(lineError(line, `topic "${topic.trim()}" matches more than one topic`, "topic"));
      } else topicId = hit.id;
    }

    let conditionId: string | null = null;
    const beforeCondition = errors.length;
    const condition = readText("condition");
    if (condition === null || condition.trim() === "") {
      if (errors.length === beforeCondition)
        errors.push(lineError(line, "condition is missing", "condition"));
    } else {
      const hit = matchByName(condition, conditionByKey) ?? matchByName(condition, conditionByLabel);
      if (hit === null) {
        errors.push(
          lineError(
            line,
            `condition "${condition.trim()}" is not a condition of this study (${knownList(conditions.map((c) => c.key))})`,
            "condition",
          ),
        );
      } else if (hit === "ambiguous") {
        errors.push(
          lineError(line, `condition "${condition.trim()}" matches more than one condition`, "condition"),
        );
      } else conditionId = hit.id;
    }

    // JSON files often carry numeric ids; 17 and "17" are the same id.
    const rawId = values.external_id;
    let externalId: string | null = null;
    if (typeof rawId === "number" && Number.isFinite(rawId)) externalId = String(rawId);
    else if (typeof rawId === "string") externalId = rawId.trim() === "" ? null : rawId.trim();
    else if (rawId !== undefined && rawId !== null) {
      errors.push(
        lineError(line, `external_id must be text or a number, not ${describeValue(rawId)}`, "external_id"),
      );
    }
    if (externalId !== null && externalId.length > 200) {
      errors.push(lineError(line, "external_id is longer than 200 characters", "external_id"));
    } else if (externalId !== null) {
      const first = firstLineOfId.get(externalId);
      if (first !== undefined) {
        errors.push(lineError(line, `external_id "${externalId}" repeats line ${first}`, "external_id"));
      } else firstLineOfId.set(externalId, line);
    }

    const fieldValues = Object.fromEntries(template.map((f) => [f.key, values[f.key]]));
    const checked = validateIdeaFields({ template, fields: fieldValues, mode: "submit" });
    if (!checked.ok) {
      for (const field of template) {
        for (const message of checked.errors[field.key] ?? []) {
          errors.push(lineError(line, `${message.replace(/\.$/, "")} (column "${field.key}")`, field.key));
        }
      }
    }

    if (faultedLines.has(line) || errors.length > before) continue;
    if (topicId === null || conditionId === null || !checked.ok) continue;
    if (externalId !== null && existing.has(externalId)) {
      duplicates.push({ line, externalId });
      continue;
    }
    rows.push({ line, topicId, conditionId, externalId, fields: checked.fields });
  }

  errors.sort((x, y) => x.line - y.line);
  return { ok: errors.length === 0, format, rows, duplicates, errors };
}

/** One sentence for the preview, saying plainly when a re-import brings nothing new. */
export function describeImportResult(result: ImportResult): string {
  if (!result.ok) {
    const lines = new Set(result.errors.map((e) => e.line)).size;
    return `Nothing will be imported: fix the ${result.errors.length === 1 ? "problem" : `${result.errors.length} problems`}${lines > 1 ? ` on ${lines} lines` : ""} below and upload the file again.`;
  }
  const skipped = result.duplicates.length;
  if (result.rows.length === 0) {
    return `Nothing new to import: ${skipped === 1 ? "the idea in this file was" : `all ${skipped} ideas in this file were`} imported before (same external_id).`;
  }
  const skippedText = `${skipped} ${skipped === 1 ? "idea was" : "ideas were"} imported before (same external_id) and will be skipped`;
  const newText = `${result.rows.length} new ${result.rows.length === 1 ? "idea" : "ideas"} will be imported`;
  return skipped === 0 ? `${newText}.` : `${newText}; ${skippedText}.`;
}
