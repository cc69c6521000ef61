import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
// Relative (not @/) so drizzle-kit resolves it without the tsconfig alias.
import { PAPER_SOURCES, type PaperAuthor, type PaperSource } from "../../lib/literature/types";
import { timestamp } from "./columns";
import { studies } from "./studies";

// The FTS5 index papers_fts (title + abstract, external content on `seq`) and the triggers that keep
// it in sync live in the custom migration 0005_add_papers_fts.sql: drizzle-kit cannot express them.

export const papers = sqliteTable(
  "papers",
  {
    /** Integer key the FTS5 index points at; a text key's implicit rowid could change on VACUUM. */
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id")
      .notNull()
      .unique()
      .$defaultFn(() => crypto.randomUUID()),
    /** Null: the instance's corpus, visible in every study; else only in that study. */
    studyId: text("study_id").references(() => studies.id, { onDelete: "cascade" }),
    doi: text("doi"),
    arxivId: text("arxiv_id"),
    s2Id: text("s2_id"),
    openalexId: text("openalex_id"),
    aclId: text("acl_id"),
    importId: text("import_id"),
    title: text("title").notNull(),
    /** normalizeTitle(title): the last-resort identity together with year. */
    titleKey: text("title_key").notNull(),
    abstract: text("abstract").notNull().default(""),
    year: integer("year"),
    date: text("date"),
    /** effectiveDate(date, year): what a study's cut-off compares with; null never passes one. */
    effectiveDate: text("effective_date"),
    venue: text("venue"),
    authors: text("authors", { mode: "json" }).$type<PaperAuthor[]>().notNull().default([]),
    citationCount: integer("citation_count"),
    url: text("url"),
    pdfUrl: text("pdf_url"),
    source: text("source", { enum: PAPER_SOURCES }).$type<PaperSource>().notNull(),
    fetchedAt: timestamp("fetched_at").notNull(),
  },
  (t) => [
    index("papers_study_idx").on(t.studyId),
    index("papers_doi_idx").on(t.doi),
    index("papers_arxiv_idx").on(t.arxivId),
    index("papers_s2_idx").on(t.s2Id),
    index("papers_openalex_idx").on(t.openalexId),
    index("papers_acl_idx").on(t.aclId),
    index("papers_import_idx").on(t.importId),
    index("papers_title_year_idx").on(t.titleKey, t.year),
    index("papers_effective_date_idx").on(t.effectiveDate),
  ],
);
export type Paper = typeof papers.$inferSelect;

export const paperEdges = sqliteTable(
  "paper_edges",
  {
    citingId: text("citing_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    citedId: text("cited_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    source: text("source", { enum: PAPER_SOURCES }).$type<PaperSource>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.citingId, t.citedId] }), index("paper_edges_cited_idx").on(t.citedId)],
);

/** References a source listed but could not resolve to a paper (S2 `paperId: null`), kept by title. */
export const paperUnresolvedRefs = sqliteTable(
  "paper_unresolved_refs",
  {
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    year: integer("year"),
    source: text("source", { enum: PAPER_SOURCES }).$type<PaperSource>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.title] })],
);

export const paperEmbeddings = sqliteTable(
  "paper_embeddings",
  {
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    model: text("model").notNull(),
    dimensions: integer("dimensions").notNull(),
    /** Float32 little-endian, unit length (so cosine is a dot product). */
    vector: blob("vector", { mode: "buffer" }).notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.paperId, t.model] }),
    index("paper_embeddings_model_idx").on(t.model, t.createdAt),
  ],
);

/** Every connector response, keyed by a hash of the request (method, URL without secrets, body). */
export const httpCache = sqliteTable(
  "http_cache",
  {
    key: text("key").primaryKey(),
    source: text("source").notNull(),
    url: text("url").notNull(),
    status: integer("status").notNull(),
    body: text("body").notNull(),
    fetchedAt: timestamp("fetched_at").notNull(),
  },
  (t) => [index("http_cache_source_idx").on(t.source)],
);

/** Admin settings of the connectors (keys, email, offline), over the .env defaults. */
export const literatureSettings = sqliteTable("literature_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at")
    .notNull()
    .$defaultFn(() => Date.now()),
});
