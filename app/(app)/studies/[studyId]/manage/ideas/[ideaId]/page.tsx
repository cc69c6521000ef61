import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { WordDiff } from "@/components/word-diff";
import { getIdeaRecord } from "@/db/queries/idea-record";
import { getIdeaForOrganizer } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { QUALITY_FLAG_LABELS } from "@/lib/reviews/quality";
import { guardPage } from "@/server/auth/guarded-handlers";
import { GeneratedProvenance } from "./_components/generated-provenance";

export const metadata: Metadata = { title: "Idea" };

const utc = (t: number | null) =>
  t ? `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC` : "—";

/** One idea as its organizer sees it: provenance, versions with word diffs, normalization, reviews, arena. */
export default async function OrganizerIdeaPage({
  params,
}: PageProps<"/studies/[studyId]/manage/ideas/[ideaId]">) {
  const { studyId, ideaId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const idea = /^[0-9a-f-]{36}$/.test(ideaId) ? getIdeaForOrganizer({ studyId, ideaId }) : undefined;
  const record = idea ? getIdeaRecord({ studyId, ideaId }) : undefined;
  if (!idea || !record) notFound();
  const { template } = getStudySettings({ studyId });
  const text = (fields: Record<string, string>) =>
    template.map((f) => `${f.label}\n${fields[f.key] ?? ""}`).join("\n\n");

  return (
    <div className="space-y-6" data-testid="organizer-idea">
      <p className="text-sm">
        <Link href={`/studies/${studyId}/manage/ideas`}>← All ideas</Link>
      </p>
      <h1 className="text-xl font-semibold">
        <span className="font-mono">{idea.code}</span> · {idea.fields.title?.trim() || "(untitled)"}
      </h1>
      <Card>
        <CardTitle>Provenance</CardTitle>
        <p className="text-sm" data-testid="idea-provenance">
          {idea.topicName} · {idea.conditionKey} · {idea.provenance}
          {idea.provenanceSource ? ` (${idea.provenanceSource})` : ""}
          {idea.externalId ? ` · external id ${idea.externalId}` : ""} · status {idea.status} · submitted{" "}
          {utc(idea.submittedAt)}
        </p>
      </Card>
      <GeneratedProvenance studyId={studyId} ideaId={idea.id} />
      <Card>
        <CardTitle>Normalization</CardTitle>
        <p className="text-sm" data-testid="idea-normalization">
          Rewrite {idea.normalizationState}; decision{" "}
          {idea.reviewTextSource
            ? `${idea.normalizationReview}, reviewers see the ${idea.reviewTextSource} text`
            : "not made"}
          .{" "}
          <Link href={`/studies/${studyId}/manage/normalization/${idea.id}`}>
            Open the rewrite and leak check
          </Link>
        </p>
      </Card>
      <Card>
        <CardTitle>Versions ({record.versions.length})</CardTitle>
        {record.versions.length === 0 ? (
          <p className="text-sm">No saved versions: the idea was imported or generated in one piece.</p>
        ) : (
          <ol className="space-y-4" data-testid="idea-versions">
            {record.versions.map((v, i) => (
              <li key={v.version}>
                <p className="text-sm font-medium">
                  Version {v.version} · {v.kind.replace("_", " ")} · {utc(v.savedAt)}
                  {v.savedByName ? ` · ${v.savedByName}` : ""}
                </p>
                <WordDiff
                  before={i === 0 ? "" : text(record.versions[i - 1]!.fields)}
                  after={text(v.fields)}
                  testId={`version-diff-${v.version}`}
                />
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card>
        <CardTitle>Reviews ({record.reviews.length})</CardTitle>
        {record.reviews.length === 0 ? (
          <p className="text-sm">No reviews yet.</p>
        ) : (
          <DataTable
            testId="idea-reviews"
            columns={["Reviewer", "State", "Scores", "Active time", "Submitted", "Flags"]}
          >
            {record.reviews.map((r) => (
              <tr key={r.id} className="border-t border-[var(--border)]">
                <td className="py-1 pr-3">
                  <Link href={`/studies/${studyId}/manage/reviews/${r.id}`}>
                    {r.reviewerName ?? "(imported)"}
                  </Link>
                </td>
                <td className="py-1 pr-3">{r.status}</td>
                <td className="py-1 pr-3 font-mono text-xs">
                  {Object.entries(r.scores)
                    .map(([k, v]) => `${k} ${v ?? "–"}`)
                    .join(", ")}
                </td>
                <td className="py-1 pr-3">{Math.round(r.activeSeconds / 60)} min</td>
                <td className="py-1 pr-3">{utc(r.submittedAt)}</td>
                <td className="py-1 pr-3">
                  {r.flags.map((f) => (
                    <Badge key={f} tone="demo">
                      {QUALITY_FLAG_LABELS[f]}
                    </Badge>
                  ))}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <Card>
        <CardTitle>Arena record</CardTitle>
        {record.arena.votes === 0 ? (
          <p className="text-sm">Not judged in the arena yet.</p>
        ) : (
          <>
            <p className="mb-2 text-sm" data-testid="idea-arena">
              {record.arena.votes} judgments ({record.arena.human} by people, {record.arena.llm} by the LLM
              judge).
            </p>
            <DataTable columns={["Criterion", "Wins", "Losses", "Ties"]}>
              {record.arena.byCriterion.map((c) => (
                <tr key={c.criterion} className="border-t border-[var(--border)]">
                  <td className="py-1 pr-3">{c.criterion}</td>
                  <td className="py-1 pr-3">{c.wins}</td>
                  <td className="py-1 pr-3">{c.losses}</td>
                  <td className="py-1 pr-3">{c.ties}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </Card>
    </div>
  );
}
