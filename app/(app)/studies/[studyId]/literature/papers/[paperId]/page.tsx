import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardTitle } from "@/components/ui/card";
import { getNeighbours, getVisiblePaper } from "@/db/queries/literature/neighbours";
import { SOURCE_LABELS } from "@/lib/literature/search-params";
import { uuidSchema } from "@/lib/validation";
import { guardPage } from "@/server/auth/guarded-handlers";
import { PaperTable } from "../../_components/results-table";
import { FetchMoreForm } from "./fetch-more-form";
import { ReadingCard } from "./reading-card";

export const metadata: Metadata = { title: "Paper" };

export default async function PaperPage({
  params,
}: PageProps<"/studies/[studyId]/literature/papers/[paperId]">) {
  const { studyId, paperId } = await params;
  const { roles } = await guardPage({ study: { roles: ["organizer", "writer"] } }, { studyId });
  // The same visibility as search: a paper after the study's cut-off does not exist here.
  const paper = uuidSchema.safeParse(paperId).success ? getVisiblePaper({ paperId, studyId }) : undefined;
  if (!paper) notFound();
  const n = getNeighbours({ paperId, studyId });
  const ids = [
    paper.doi && `DOI ${paper.doi}`,
    paper.arxivId && `arXiv ${paper.arxivId}`,
    paper.aclId && `ACL ${paper.aclId}`,
    paper.s2Id && `S2 ${paper.s2Id}`,
    paper.openalexId && `OpenAlex ${paper.openalexId}`,
  ].filter(Boolean);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/studies/${studyId}/literature`}>← Literature</Link>
      </p>
      <Card>
        <h1 className="text-xl font-semibold" data-testid="paper-title">
          {paper.title}
        </h1>
        <p className="mt-1 text-sm text-[var(--foreground-soft)]" data-testid="paper-meta">
          {[
            paper.authors.map((a) => a.name).join(", "),
            paper.venue,
            paper.date ?? paper.year,
            paper.citationCount != null ? `${paper.citationCount} citations` : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p className="mt-1 text-xs text-[var(--foreground-soft)]">
          {SOURCE_LABELS[paper.source]}
          {ids.length > 0 ? ` · ${ids.join(" · ")}` : ""}
          {paper.url ? (
            <>
              {" · "}
              <a href={paper.url} rel="noreferrer noopener" target="_blank">
                page
              </a>
            </>
          ) : null}
          {paper.pdfUrl ? (
            <>
              {" · "}
              <a href={paper.pdfUrl} rel="noreferrer noopener" target="_blank">
                open-access PDF
              </a>
            </>
          ) : null}
        </p>
        <p className="mt-4 whitespace-pre-wrap text-sm" data-testid="paper-abstract">
          {paper.abstract || "No abstract is stored for this paper."}
        </p>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>References ({n.references.length + n.unresolved.length})</CardTitle>
          {n.references.length === 0 && n.unresolved.length === 0 ? (
            <p className="text-sm text-[var(--foreground-soft)]">No references in the store.</p>
          ) : (
            <PaperTable studyId={studyId} papers={n.references} testId="references" />
          )}
          {n.unresolved.length > 0 ? (
            <ul
              className="mt-3 list-disc pl-5 text-sm text-[var(--foreground-soft)]"
              data-testid="unresolved"
            >
              {n.unresolved.map((u) => (
                <li key={u.title}>
                  {u.title}
                  {u.year ? ` (${u.year})` : ""} — not resolved to a paper
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
        <Card>
          <CardTitle>Cited by ({n.citing.length})</CardTitle>
          {n.citing.length === 0 ? (
            <p className="text-sm text-[var(--foreground-soft)]">No citing papers in the store.</p>
          ) : (
            <PaperTable studyId={studyId} papers={n.citing} testId="citing" />
          )}
        </Card>
      </div>
      {roles.includes("organizer") ? <ReadingCard studyId={studyId} paperId={paperId} /> : null}
      {roles.includes("organizer") ? (
        <Card>
          <CardTitle>Fetch more</CardTitle>
          <FetchMoreForm studyId={studyId} paperId={paperId} />
        </Card>
      ) : null}
    </div>
  );
}
