// arXiv export API Atom feeds (specs/literature-apis.md 5.2), parsed with fast-xml-parser and checked
// with zod; an error feed (one entry titled "Error") becomes a visible failure.
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { AppError } from "../errors";
import { normalizeArxivId } from "./identity";
import type { PaperInput } from "./types";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: (name) => ["entry", "author", "link", "category"].includes(name),
  parseTagValue: false,
});

const text = z.union([z.string(), z.number()]).transform((v) => String(v).replace(/\s+/g, " ").trim());

const entrySchema = z.object({
  id: text,
  published: text.optional(),
  title: text,
  summary: text.optional(),
  author: z.array(z.object({ name: text })).default([]),
  doi: text.optional(),
  journal_ref: text.optional(),
  link: z
    .array(z.object({ "@href": z.string(), "@title": z.string().optional(), "@type": z.string().optional() }))
    .default([]),
});

const feedSchema = z.object({
  feed: z.object({
    totalResults: text.transform(Number),
    startIndex: text.transform(Number).optional(),
    entry: z.array(entrySchema).default([]),
  }),
});

export type ArxivFeed = { total: number; papers: PaperInput[] };

export function parseArxivFeed(xml: string): ArxivFeed {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (e) {
    throw new AppError(
      "unavailable:literature_source",
      `arXiv returned XML that could not be read (${String(e)}).`,
    );
  }
  const r = feedSchema.safeParse(doc);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new AppError(
      "unavailable:literature_source",
      `arXiv returned an unexpected feed (${i?.path.join(".")}: ${i?.message}).`,
    );
  }
  const entries = r.data.feed.entry;
  const error = entries.find((e) => e.title === "Error" && e.id.includes("/api/errors"));
  if (error)
    throw new AppError("invalid:arxiv_query", `arXiv rejected the query: ${error.summary ?? "no message"}`);
  const papers = entries.map((e): PaperInput => {
    const date = e.published?.slice(0, 10) ?? null;
    return {
      arxivId: normalizeArxivId(e.id),
      doi: e.doi ?? null,
      s2Id: null,
      openalexId: null,
      aclId: null,
      importId: null,
      title: e.title,
      abstract: e.summary ?? "",
      year: date ? Number(date.slice(0, 4)) : null,
      date,
      venue: e.journal_ref ?? "arXiv",
      authors: e.author.map((a) => ({ name: a.name })),
      citationCount: null,
      url: e.link.find((l) => l["@type"] === "text/html")?.["@href"] ?? e.id,
      pdfUrl: e.link.find((l) => l["@title"] === "pdf")?.["@href"] ?? null,
      source: "arxiv",
    };
  });
  return { total: r.data.feed.totalResults, papers };
}
