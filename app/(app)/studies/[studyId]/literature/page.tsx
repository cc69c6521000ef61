import type { Metadata } from "next";
import Link from "next/link";
import { JobProgress } from "@/components/job-progress";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { listJobs } from "@/db/queries/jobs";
import { countPapersWithoutEmbedding } from "@/db/queries/literature/embeddings";
import { countPapers } from "@/db/queries/literature/neighbours";
import { getStudyForLiterature } from "@/db/queries/literature/studies";
import { parseSearchParams, SOURCE_LABELS } from "@/lib/literature/search-params";
import { PAPER_SOURCES } from "@/lib/literature/types";
import { guardPage } from "@/server/auth/guarded-handlers";
import { EMBED_PAPERS_JOB_KIND } from "@/server/jobs/embed-papers";
import { embeddingStatus } from "@/server/literature/embeddings";
import { searchLiterature } from "@/server/literature/search";
import { CutoffForm } from "./_components/cutoff-form";
import { EmbedForm } from "./_components/embed-form";
import { ExternalSearch } from "./_components/external-search";
import { ImportUpload } from "./_components/import-upload";
import { PaperTable } from "./_components/results-table";

export const metadata: Metadata = { title: "Literature" };

const inputClass = "rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm";

export default async function LiteraturePage({
  params,
  searchParams,
}: PageProps<"/studies/[studyId]/literature">) {
  const { studyId } = await params;
  const { roles } = await guardPage({ study: { roles: ["organizer", "writer"] } }, { studyId });
  const organizer = roles.includes("organizer");
  const study = getStudyForLiterature({ studyId });
  const { query, filters, problems } = parseSearchParams(await searchParams);
  const counts = countPapers({ studyId });
  const embeddings = embeddingStatus({ studyId });
  const [lastEmbedJob] = organizer ? listJobs({ studyId, kind: EMBED_PAPERS_JOB_KIND, limit: 1 }) : [];
  const result = query
    ? await searchLiterature({ query, studyId, filters, limit: 25, embedQuery: embeddings.embedQuery })
    : null;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Card>
          <CardTitle>Search the literature</CardTitle>
          <p className="mb-3 text-sm text-[var(--foreground-soft)]" data-testid="corpus-counts">
            {counts.visible} papers visible in this study ({counts.inStudy ?? 0} in its own corpus, the rest
            shared by the instance)
            {study?.literatureCutoff ? `; cut-off ${study.literatureCutoff}` : ""}.
          </p>
          <form
            method="get"
            className="flex flex-wrap items-end gap-2"
            aria-label="Search papers"
            data-testid="search-form"
          >
            <label className="flex min-w-64 flex-1 flex-col text-sm">
              Query
              <input name="q" defaultValue={query} className={inputClass} data-testid="search-q" />
            </label>
            <label className="flex w-24 flex-col text-sm">
              From year
              <input
                name="yearFrom"
                inputMode="numeric"
                defaultValue={filters.yearFrom ?? ""}
                className={inputClass}
              />
            </label>
            <label className="flex w-24 flex-col text-sm">
              To year
              <input
                name="yearTo"
                inputMode="numeric"
                defaultValue={filters.yearTo ?? ""}
                className={inputClass}
              />
            </label>
            <label className="flex w-40 flex-col text-sm">
              Venue
              <input name="venue" defaultValue={filters.venue ?? ""} className={inputClass} />
            </label>
            <label className="flex flex-col text-sm">
              Source
              <select name="source" defaultValue={filters.source ?? ""} className={inputClass}>
                <option value="">Any</option>
                {PAPER_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {SOURCE_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={buttonClass()} data-testid="search-submit">
              Search
            </button>
          </form>
          {problems.length > 0 ? (
            <div className="mt-3">
              <Alert tone="warning">{problems.join(" ")}</Alert>
            </div>
          ) : null}
          <p className="mt-3 text-xs text-[var(--foreground-soft)]" data-testid="search-mode">
            {embeddings.embedQuery
              ? `Hybrid search (BM25 + embeddings from ${embeddings.model}).`
              : embeddings.configured
                ? `Search is BM25 only: no paper has a ${embeddings.model} embedding yet${organizer ? "; compute them below" : ""}.`
                : "Search is BM25 only: no embedding model is configured (LLM_EMBEDDING_MODEL)."}
          </p>
        </Card>
        {result ? (
          <Card>
            <CardTitle>Results</CardTitle>
            {result.hits.length === 0 ? (
              <p className="text-sm" data-testid="no-results">
                No paper matches. Try other words, widen the filters{organizer ? ", or import a corpus" : ""}.
              </p>
            ) : (
              <PaperTable studyId={studyId} papers={result.hits} testId="search-results" />
            )}
          </Card>
        ) : counts.visible === 0 ? (
          <Card>
            <p className="text-sm" data-testid="empty-corpus">
              No papers yet.{" "}
              {organizer
                ? "Import a JSONL, BibTeX or RIS file, or add papers from Semantic Scholar, OpenAlex or arXiv."
                : "Ask the organizer to import the study's literature."}
            </p>
          </Card>
        ) : null}
      </div>
      {organizer ? (
        <div className="space-y-4">
          <Card>
            <CardTitle>Chains</CardTitle>
            <p className="mb-2 text-sm text-[var(--foreground-soft)]">
              Chains of papers for a topic: anchors, the work they build on and the work citing them.
            </p>
            <Link
              href={`/studies/${studyId}/literature/chains`}
              className={buttonClass("secondary")}
              data-testid="chains-link"
            >
              Open chains
            </Link>
          </Card>
          <Card>
            <CardTitle>Literature cut-off</CardTitle>
            <CutoffForm studyId={studyId} cutoff={study?.literatureCutoff ?? null} />
          </Card>
          {embeddings.configured && embeddings.model ? (
            <Card>
              <CardTitle>Embeddings</CardTitle>
              {lastEmbedJob ? <JobProgress jobId={lastEmbedJob.job.id} /> : null}
              <EmbedForm
                studyId={studyId}
                model={embeddings.model}
                missing={countPapersWithoutEmbedding({ model: embeddings.model, studyId })}
              />
            </Card>
          ) : null}
          <Card>
            <CardTitle>Import</CardTitle>
            <ImportUpload studyId={studyId} />
          </Card>
          <Card>
            <CardTitle>Add from a source</CardTitle>
            <ExternalSearch studyId={studyId} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
