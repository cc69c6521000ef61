// BibTeX and RIS import through citation-js (a maintained parser; we do not parse BibTeX ourselves).
// Both formats become CSL-JSON, which is checked entry by entry; bibliographies carry no edges.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { z } from "zod";
import { AppError } from "../errors";
import type { PaperInput, PaperSource, ParsedCorpus } from "./types";

const cslName = z.object({
  family: z.string().optional(),
  given: z.string().optional(),
  literal: z.string().optional(),
});
const cslItem = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  "citation-key": z.string().optional(),
  title: z.string({ error: "is missing" }).trim().min(1, "is missing"),
  abstract: z.string().optional(),
  author: z.array(cslName).optional(),
  issued: z
    .object({ "date-parts": z.array(z.array(z.union([z.number(), z.string()]))).optional() })
    .optional(),
  "container-title": z.string().optional(),
  DOI: z.string().optional(),
  URL: z.string().optional(),
});

export type BibliographyFormat = "bibtex" | "ris";

const FORCE_TYPE: Record<BibliographyFormat, string> = { bibtex: "@biblatex/text", ris: "@ris/file" };

function dateOf(parts: (number | string)[] | undefined): { year: number | null; date: string | null } {
  const [y, m, d] = (parts ?? []).map(Number);
  if (!y || !Number.isInteger(y)) return { year: null, date: null };
  const pad = (n: number) => String(n).padStart(2, "0");
  return { year: y, date: m && d ? `${y}-${pad(m)}-${pad(d)}` : null };
}

function toPaper(item: z.output<typeof cslItem>, source: PaperSource): PaperInput {
  const key = item["citation-key"] ?? (item.id != null ? String(item.id) : null);
  const url = item.URL ?? null;
  return {
    doi: item.DOI ?? null,
    arxivId: url && /arxiv\.org\/abs\//i.test(url) ? url : null,
    s2Id: null,
    openalexId: null,
    aclId: null,
    importId: key,
    title: item.title,
    abstract: item.abstract ?? "",
    ...dateOf(item.issued?.["date-parts"]?.[0]),
    venue: item["container-title"] ?? null,
    authors: (item.author ?? [])
      .map((a) => ({ name: a.literal ?? [a.given, a.family].filter(Boolean).join(" ") }))
      .filter((a) => a.name),
    citationCount: null,
    url,
    pdfUrl: null,
    source,
  };
}

/** Parses a BibTeX or RIS file; a syntax error or an entry without a title rejects the whole file. */
export function parseBibliography(text: string, format: BibliographyFormat): ParsedCorpus {
  let items: unknown[];
  try {
    items = plugins.input.chain(text, { forceType: FORCE_TYPE[format], generateGraph: false });
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new AppError(
      "invalid:corpus",
      `The ${format === "bibtex" ? "BibTeX" : "RIS"} file could not be read: ${detail}`,
    );
  }
  const errors: string[] = [];
  const papers: PaperInput[] = [];
  items.forEach((raw, i) => {
    const parsed = cslItem.safeParse(raw);
    const label =
      (raw as { "citation-key"?: string; id?: string })?.["citation-key"] ?? (raw as { id?: string })?.id;
    const name = `Entry ${i + 1}${label ? ` (${label})` : ""}`;
    if (!parsed.success)
      errors.push(
        `${name}: ${parsed.error.issues.map((x) => `${x.path.join(".") || "entry"} ${x.message}`).join("; ")}.`,
      );
    else papers.push(toPaper(parsed.data, format));
  });
  if (errors.length > 0) throw new AppError("invalid:corpus", errors.slice(0, 20).join("\n"));
  if (papers.length === 0) throw new AppError("invalid:corpus", "The file holds no entries.");
  return { papers, edges: [], unresolved: [] };
}

/** Picks the parser by file name (or an explicit format). */
export function detectCorpusFormat(fileName: string): "jsonl" | BibliographyFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".bib") || lower.endsWith(".bibtex")) return "bibtex";
  if (lower.endsWith(".ris")) return "ris";
  return null;
}
