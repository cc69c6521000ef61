import { strToU8, zipSync } from "fflate";
import { at } from "@/lib/assert";
import { type CsvValue, toCsv } from "@/lib/csv/write";
import type {
  IdeaFields,
  IdeaProvenance,
  IdeaStatus,
  IdeaTemplateField,
  NormalizationReview,
} from "@/lib/ideas/types";

// Idea exports for analysis (JSONL, CSV) and for reading (one Markdown file per idea, zipped).
// Built from plain data so that the query that loads ideas decides who may see what.

export type ExportIdea = {
  id: string;
  code: string;
  topic: string;
  conditionKey: string;
  conditionLabel: string;
  status: IdeaStatus;
  provenance: IdeaProvenance;
  /** The import's file name or the generating job's id. */
  provenanceSource: string | null;
  externalId: string | null;
  authorName: string | null;
  authorEmail: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
  submittedAt: number | null;
  fields: IdeaFields;
  normalizedFields: IdeaFields | null;
  normalizationReview: NormalizationReview;
  reviewTextSource: "normalized" | "original" | null;
};

/**
 * Metadata columns, in export order; they come first in the CSV (identifiers on the left, where
 * spreadsheets freeze them: the code the app shows, then the UUID), then one column per template field in template order, then
 * `normalized_<key>` per field. Times are ISO 8601 in UTC.
 */
export const EXPORT_METADATA_COLUMNS = [
  "code",
  "id",
  "external_id",
  "topic",
  "condition",
  "condition_label",
  "status",
  "provenance",
  "provenance_source",
  "author_name",
  "author_email",
  "created_at",
  "submitted_at",
  "normalization_review",
  "review_text_source",
] as const;

type MetadataColumn = (typeof EXPORT_METADATA_COLUMNS)[number];

const isoTime = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function metadataOf(idea: ExportIdea): Record<MetadataColumn, string | null> {
  return {
    code: idea.code,
    id: idea.id,
    external_id: idea.externalId,
    topic: idea.topic,
    condition: idea.conditionKey,
    condition_label: idea.conditionLabel,
    status: idea.status,
    provenance: idea.provenance,
    provenance_source: idea.provenanceSource,
    author_name: idea.authorName,
    author_email: idea.authorEmail,
    created_at: isoTime(idea.createdAt),
    submitted_at: isoTime(idea.submittedAt),
    normalization_review: idea.normalizationReview,
    review_text_source: idea.reviewTextSource,
  };
}

/** Template keys first, in order, then any keys the template no longer has, so nothing is lost. */
function orderedFields(fields: IdeaFields, template: IdeaTemplateField[]): IdeaFields {
  const out: IdeaFields = {};
  for (const { key } of template) out[key] = fields[key] ?? "";
  for (const [key, value] of Object.entries(fields)) if (!(key in out)) out[key] = value;
  return out;
}

/**
 * Column names for a template. Template keys cannot be "id", "topic" and the like (see
 * template.ts), but could still meet "provenance" or "normalized_x"; a clash gets "_2", "_3"
 * rather than two columns of one name.
 */
export function getExportColumns(template: IdeaTemplateField[]): string[] {
  const taken = new Set<string>();
  const claim = (name: string) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
    taken.add(candidate);
    return candidate;
  };
  return [
    ...EXPORT_METADATA_COLUMNS.map(claim),
    ...template.map((f) => claim(f.key)),
    ...template.map((f) => claim(`normalized_${f.key}`)),
  ];
}

/** One JSON object per line: the metadata keys, then `fields` and `normalized_fields` (or null). */
export function ideasToJsonl({
  ideas,
  template,
}: {
  ideas: ExportIdea[];
  template: IdeaTemplateField[];
}): string {
  return ideas
    .map((idea) => {
      const line = JSON.stringify({
        ...metadataOf(idea),
        fields: orderedFields(idea.fields, template),
        normalized_fields: idea.normalizedFields && orderedFields(idea.normalizedFields, template),
      });
      // Valid JSON, but some line readers (Python's splitlines among them) break lines there.
      return `${line.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")}\n`;
    })
    .join("");
}

/** CSV with the columns of `getExportColumns`; empty cells for missing values and for no normalization. */
export function ideasToCsv({
  ideas,
  template,
}: {
  ideas: ExportIdea[];
  template: IdeaTemplateField[];
}): string {
  const rows = ideas.map((idea): CsvValue[] => {
    const meta = metadataOf(idea);
    return [
      ...EXPORT_METADATA_COLUMNS.map((c) => meta[c]),
      ...template.map((f) => idea.fields[f.key] ?? ""),
      ...template.map((f) => (idea.normalizedFields ? (idea.normalizedFields[f.key] ?? "") : null)),
    ];
  });
  return toCsv({ columns: getExportColumns(template), rows });
}

function markdownSections(fields: IdeaFields, template: IdeaTemplateField[]): string[] {
  const labels = new Map(template.map((f) => [f.key, f.label]));
  return Object.entries(orderedFields(fields, template)).map(([key, value]) => {
    const body = value.replace(/\r\n?/g, "\n").trim();
    return `## ${labels.get(key) ?? key}\n\n${body === "" ? "_(empty)_" : body}\n`;
  });
}

/**
 * A Markdown document: a front-matter header (`key: value`, values JSON-encoded, which YAML also
 * reads, so that colons and quotes in titles cannot break it), then "# Original" with one
 * "## <label>" section per field, then "# Normalized" likewise when there is a normalized version.
 */
export function ideaToMarkdown({
  idea,
  template,
}: {
  idea: ExportIdea;
  template: IdeaTemplateField[];
}): string {
  const meta = metadataOf(idea);
  const header = EXPORT_METADATA_COLUMNS.map((c) => `${c}: ${JSON.stringify(meta[c])}`);
  const parts = ["---", ...header, "---", "", "# Original", "", ...markdownSections(idea.fields, template)];
  if (idea.normalizedFields) {
    parts.push("# Normalized", "", ...markdownSections(idea.normalizedFields, template));
  }
  return `${parts.join("\n").replace(/\n+$/, "")}\n`;
}

const SLUG_MAX = 60;

/** Lower-case ASCII words joined by "-", accents folded, at most 60 characters; "" if none. */
export function slugify(text: string): string {
  const max = SLUG_MAX;
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  // Cut at a word boundary when there is one in reach, so names do not end mid-word.
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, "");
}

/**
 * `<code>-<slug of title>.md` for each idea, in order, safe on every file system and unique even
 * where names differ only in case (macOS and Windows would merge those).
 */
export function getMarkdownFileNames({
  ideas,
  template,
}: {
  ideas: ExportIdea[];
  template: IdeaTemplateField[];
}): string[] {
  const titleKey = template.some((f) => f.key === "title") ? "title" : template[0]?.key;
  const used = new Set<string>();
  return ideas.map((idea) => {
    const code = idea.code.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "idea";
    const slug = slugify(titleKey ? (idea.fields[titleKey] ?? "") : "") || "untitled";
    const base = `${code}-${slug}`;
    let name = `${base}.md`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.md`;
    used.add(name.toLowerCase());
    return name;
  });
}

// ZIP stores local DOS times, which start in 1980.
const ZIP_EPOCH = Date.UTC(1980, 0, 2);

/** A zip with one Markdown file per idea (see `ideaToMarkdown` and `getMarkdownFileNames`). */
export function ideasToMarkdownZip({
  ideas,
  template,
}: {
  ideas: ExportIdea[];
  template: IdeaTemplateField[];
}): Uint8Array {
  const names = getMarkdownFileNames({ ideas, template });
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  ideas.forEach((idea, i) => {
    // The idea's own time rather than "now", so the same ideas always give the same archive.
    files[at(names, i)] = [
      strToU8(ideaToMarkdown({ idea, template })),
      { mtime: new Date(Math.max(idea.createdAt, ZIP_EPOCH)) },
    ];
  });
  return zipSync(files, { level: 6 });
}
