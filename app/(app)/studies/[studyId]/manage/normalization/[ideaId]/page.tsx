import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { MarkdownDiff } from "@/components/markdown-diff";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { listLeakPeople } from "@/db/queries/idea-leaks";
import { getIdeaForOrganizer, listIdeasForOrganizer } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { checkLeaks } from "@/lib/ideas/leak-check";
import { describeLeakFlags } from "@/lib/ideas/leak-summary";
import { nextIdeaId, normalizationPhaseProblem } from "@/lib/ideas/normalization-queue";
import { guardPage } from "@/server/auth/guarded-handlers";
import { DecisionButtons, EditRewriteForm } from "./review-forms";

export const metadata: Metadata = { title: "Review normalization" };

export default async function ReviewNormalizationPage({
  params,
}: PageProps<"/studies/[studyId]/manage/normalization/[ideaId]">) {
  const { studyId, ideaId } = await params;
  const { study } = await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const phaseProblem = normalizationPhaseProblem(study.status);
  const idea = /^[0-9a-f-]{36}$/.test(ideaId) ? getIdeaForOrganizer({ studyId, ideaId }) : undefined;
  if (!idea) notFound();
  const { template } = getStudySettings({ studyId });
  const rewrite = idea.normalizedFields;
  // The leak check runs on what reviewers would see if the organizer accepts as shown.
  const reviewText = idea.reviewTextSource === "original" || !rewrite ? idea.fields : rewrite;
  const people = listLeakPeople({ studyId });
  const flags = checkLeaks({ fields: reviewText, template, people });
  const next = nextIdeaId(listIdeasForOrganizer({ studyId, status: "submitted" }), idea.id);
  return (
    <div className="space-y-6">
      <nav className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <Link href={`/studies/${studyId}/manage/normalization`}>← All ideas</Link>
        {next ? (
          <Link
            href={`/studies/${studyId}/manage/normalization/${next}`}
            className={buttonClass("secondary")}
            data-testid="next-idea"
          >
            Next idea →
          </Link>
        ) : null}
      </nav>
      <h1 className="text-xl font-semibold">
        Idea <span className="font-mono">{idea.code}</span> · {idea.topicName} · {idea.conditionKey}
      </h1>
      <p className="text-sm" data-testid="current-decision">
        Rewrite: {idea.normalizationState}
        {idea.normalizationError ? ` (${idea.normalizationError})` : ""} · decision:{" "}
        {idea.reviewTextSource
          ? `${idea.normalizationReview}, reviewers see the ${idea.reviewTextSource} text`
          : "not decided"}
      </p>
      <Card>
        <CardTitle>Leak check ({flags.length})</CardTitle>
        {flags.length === 0 ? (
          <p className="text-sm" data-testid="no-leaks">
            No names, institutions, emails, URLs, first-person references, AI self-references or model names
            found in the text reviewers would see.
          </p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="leak-flags">
            {flags.map((f) => (
              <li key={`${f.field}-${f.start}-${f.rule}`}>
                <strong>{f.rule.replaceAll("_", " ")}</strong> in{" "}
                {template.find((t) => t.key === f.field)?.label ?? f.field}: “…
                {f.context.slice(0, Math.max(0, f.context.indexOf(f.match)))}
                <mark>{f.match}</mark>
                {f.context.slice(f.context.indexOf(f.match) + f.match.length)}…”
              </li>
            ))}
          </ul>
        )}
        {flags.length > 0 ? (
          <p className="mt-2 text-xs text-[var(--foreground-soft)]">
            Edit the text below to remove what should not reach reviewers.
          </p>
        ) : null}
      </Card>
      <Card>
        <CardTitle>Original → rewrite</CardTitle>
        {!rewrite ? (
          <Alert tone="info">No rewrite yet. Run normalization, or use the original text.</Alert>
        ) : null}
        <div className="space-y-5">
          {template.map((f) => (
            <section key={f.key} className="grid gap-3 lg:grid-cols-2">
              <div>
                <h3 className="text-xs font-semibold uppercase text-[var(--foreground-soft)]">
                  {f.label} · original
                </h3>
                <Markdown testId={`original-${f.key}`}>{idea.fields[f.key] ?? ""}</Markdown>
              </div>
              <div>
                <h3 className="text-xs font-semibold uppercase text-[var(--foreground-soft)]">
                  {f.label} · changes
                </h3>
                {rewrite ? (
                  <MarkdownDiff
                    before={idea.fields[f.key] ?? ""}
                    after={rewrite[f.key] ?? ""}
                    testId={`diff-${f.key}`}
                  />
                ) : (
                  <p className="text-sm">—</p>
                )}
              </div>
            </section>
          ))}
        </div>
      </Card>
      <Card>
        <CardTitle>Decision</CardTitle>
        <DecisionButtons
          studyId={studyId}
          ideaId={idea.id}
          hasRewrite={!!rewrite}
          phaseProblem={phaseProblem}
          rewriteHits={describeLeakFlags(rewrite ? checkLeaks({ fields: rewrite, template, people }) : [])}
        />
        <details className="mt-4">
          <summary className="cursor-pointer text-sm">Edit the text reviewers will see</summary>
          <div className="mt-3">
            <EditRewriteForm
              studyId={studyId}
              ideaId={idea.id}
              template={template}
              fields={reviewText}
              phaseProblem={phaseProblem}
            />
          </div>
        </details>
      </Card>
    </div>
  );
}
