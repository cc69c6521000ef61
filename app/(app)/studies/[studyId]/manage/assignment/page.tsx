import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { WithdrawnIdeas } from "@/components/withdrawn-ideas";
import { getAssignmentOverview } from "@/db/queries/assignments-run";
import { listIdeaWithdrawals } from "@/db/queries/idea-withdrawal";
import { listConflicts } from "@/db/queries/reviewers";
import { listStudyMembers } from "@/db/queries/studies";
import { getStudySettings } from "@/db/queries/study-setup";
import { plural } from "@/lib/format";
import { guardPage } from "@/server/auth/guarded-handlers";
import {
  AddConflictForm,
  AddPairForm,
  PublishForm,
  RemoveConflictButton,
  RemovePairButton,
  RunForm,
  WithdrawReviewerButton,
} from "./forms";

export const metadata: Metadata = { title: "Assignment" };

const td = "py-1 pr-3";
const num = "py-1 pr-3 text-right tabular-nums";

export default async function AssignmentPage({ params }: PageProps<"/studies/[studyId]/manage/assignment">) {
  const { studyId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const { study, topics } = getStudySettings({ studyId });
  const o = getAssignmentOverview({ studyId });
  const conflicts = listConflicts({ studyId });
  const members = listStudyMembers({ studyId });
  const topicName = new Map(topics.map((t) => [t.id, t.name]));
  const ideaCode = new Map(o.ideas.map((i) => [i.id, i.code]));
  const reviewerName = new Map(o.reviewers.map((r) => [r.id, r.name]));
  const proposed = o.pairs.filter((p) => p.state === "proposed");
  const published = o.pairs.filter((p) => p.state === "published");
  const signedUp = o.reviewers.filter((r) => r.topicIds.length > 0);
  const notSignedUp = o.reviewers.filter((r) => r.topicIds.length === 0);
  const report = o.lastRun?.report;
  const reviewerOptions = o.reviewers.map((r) => ({ id: r.id, name: r.name }));
  const closed = study.status === "closed";

  return (
    <div className="space-y-6">
      <WithdrawnIdeas rows={listIdeaWithdrawals({ studyId })} focus="assignments" />
      <Card>
        <CardTitle>Run the assignment</CardTitle>
        <p className="mb-3 text-sm text-[var(--foreground-soft)]">
          {plural(o.ideas.length, "idea")} ready for review (submitted, review text decided) ·{" "}
          {signedUp.length} of {plural(o.reviewers.length, "reviewer")} signed up · {published.length}{" "}
          published · {proposed.length} proposed. The engine never breaks a hard constraint (preferred topics,
          no own idea, no author from the same institution, no marked conflict, loads, at most the maximum
          reviews per idea), places as many reviews as possible, then balances conditions per reviewer.
        </p>
        {notSignedUp.length > 0 ? (
          <p className="mb-3 text-sm" data-testid="not-signed-up">
            Not signed up yet (they get nothing until they choose topics and a load):{" "}
            {notSignedUp.map((r) => r.name).join(", ")}.
          </p>
        ) : null}
        {closed ? (
          <p className="text-sm">The review phase has closed; assignments can no longer change.</p>
        ) : (
          <RunForm studyId={studyId} params={o.params} hasPublished={published.length > 0} />
        )}
      </Card>

      {report && o.lastRun ? (
        <Card data-testid="assignment-report">
          <CardTitle>
            Report of the last run ({o.lastRun.mode === "remaining" ? "assign remaining" : "full"}, reviews
            per idea {o.lastRun.params.reviewsPerIdea.min}–{o.lastRun.params.reviewsPerIdea.max}, seed{" "}
            {o.lastRun.params.seed})
          </CardTitle>
          <p className="text-sm" data-testid="report-summary">
            Placed {plural(report.placed, "review")}; {report.ideasCovered} of {report.perIdea.length} ideas
            reach the minimum; {plural(report.reviewersUnbalanced.length, "reviewer")} without condition
            balance; {report.reviewersUnderMin.length} under their minimum load.
          </p>
          {report.ideasShort.length + report.reviewersUnbalanced.length + report.reviewersUnderMin.length >
          0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="report-unmet">
              {report.ideasShort.map((s) => (
                <li key={`i-${s.ideaId}`}>
                  Idea {ideaCode.get(s.ideaId) ?? "?"}: {s.got} of {s.needed} reviews —{" "}
                  {topicLabel(s.reason, topicName)}
                </li>
              ))}
              {report.reviewersUnbalanced.map((s) => (
                <li key={`b-${s.reviewerId}`}>
                  {reviewerName.get(s.reviewerId) ?? "?"}: conditions not balanced —{" "}
                  {topicLabel(s.reason, topicName)}
                </li>
              ))}
              {report.reviewersUnderMin.map((s) => (
                <li key={`m-${s.reviewerId}`}>
                  {reviewerName.get(s.reviewerId) ?? "?"}: {s.got} below minimum load {s.min} —{" "}
                  {topicLabel(s.reason, topicName)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm">Every goal is met.</p>
          )}
        </Card>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
        <Card>
          <CardTitle>Per reviewer</CardTitle>
          <DataTable
            testId="preview-reviewers"
            columns={[
              "Reviewer",
              "Topics",
              { label: "Range", align: "right" },
              { label: "Proposed", align: "right" },
              { label: "Published", align: "right" },
              ...o.conditionKeys.map((c) => ({ label: c, align: "right" as const })),
              "",
            ]}
          >
            {o.reviewers.map((r) => (
              <tr key={r.id} className="border-t border-[var(--border)]">
                <td className={td}>{r.name}</td>
                <td className={td}>{r.topicIds.map((t) => topicName.get(t) ?? "?").join(", ") || "—"}</td>
                <td className={num}>{r.topicIds.length > 0 ? `${r.minLoad}–${r.maxLoad}` : "—"}</td>
                <td className={num}>{r.proposed}</td>
                <td className={num}>{r.published}</td>
                {o.conditionKeys.map((c) => (
                  <td key={c} className={num}>
                    {r.byCondition[c] ?? 0}
                  </td>
                ))}
                <td className={td}>
                  {r.withdrawn ? (
                    <span className="text-xs">withdrawn</span>
                  ) : closed ? null : (
                    <WithdrawReviewerButton studyId={studyId} reviewerId={r.id} name={r.name} />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>
        <Card>
          <CardTitle>Per topic × condition</CardTitle>
          <DataTable
            testId="preview-cells"
            columns={[
              "Topic",
              "Condition",
              { label: "Ideas", align: "right" },
              { label: "Reviews", align: "right" },
            ]}
          >
            {o.topicConditionCounts.map((c) => (
              <tr key={`${c.topicName}-${c.conditionKey}`} className="border-t border-[var(--border)]">
                <td className={td}>{c.topicName}</td>
                <td className={td}>{c.conditionKey}</td>
                <td className={num}>{c.ideas}</td>
                <td className={num}>{c.reviews}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
      </div>

      <Card>
        <CardTitle>Per idea</CardTitle>
        <DataTable
          testId="preview-ideas"
          columns={[
            "Idea",
            "Topic",
            "Condition",
            { label: "Proposed", align: "right" },
            { label: "Published", align: "right" },
            "Reviewers",
          ]}
        >
          {o.ideas.map((i) => (
            <tr key={i.id} className="border-t border-[var(--border)]" data-testid="preview-idea-row">
              <td className={`${td} font-mono`}>{i.code}</td>
              <td className={td}>{i.topicName}</td>
              <td className={td}>{i.conditionKey}</td>
              <td className={num}>{i.proposed}</td>
              <td className={num}>{i.published}</td>
              <td className={td}>
                {o.pairs
                  .filter((p) => p.ideaId === i.id)
                  .map((p) => `${p.reviewerName}${p.state === "proposed" ? " (proposed)" : ""}`)
                  .join(", ") || "—"}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>

      {closed ? null : (
        <Card>
          <CardTitle>Adjust by hand, then publish</CardTitle>
          <p className="mb-3 text-sm text-[var(--foreground-soft)]">
            Add or remove proposed pairs. A pair that breaks a hard constraint is refused with the reason.
            Published pairs stay; move a reviewer's open work from the Reviews page.
          </p>
          <AddPairForm studyId={studyId} reviewers={reviewerOptions} />
          {proposed.length > 0 ? (
            <DataTable testId="proposed-pairs" className="mt-4" columns={["Idea", "Reviewer", "Source", ""]}>
              {proposed.map((p) => (
                <tr key={p.id} className="border-t border-[var(--border)]" data-testid="proposed-row">
                  <td className={`${td} font-mono`}>{p.ideaCode}</td>
                  <td className={td}>{p.reviewerName}</td>
                  <td className={td}>{p.source}</td>
                  <td className={td}>
                    <RemovePairButton studyId={studyId} assignmentId={p.id} />
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="mt-3 text-sm">
              Nothing is proposed right now.
              {published.length > 0 ? (
                <>
                  {" "}
                  Published assignments are tracked on the{" "}
                  <Link className="underline" href={`/studies/${studyId}/manage/reviews`}>
                    Reviews
                  </Link>{" "}
                  page.
                </>
              ) : null}
            </p>
          )}
          {/* Rendered in one place whatever is proposed, so its result stays on screen after publishing. */}
          {proposed.length > 0 || published.length > 0 ? (
            <div className="mt-4">
              <PublishForm studyId={studyId} count={proposed.length} />
            </div>
          ) : null}
        </Card>
      )}

      <Card>
        <CardTitle>Conflicts</CardTitle>
        <p className="mb-3 text-sm text-[var(--foreground-soft)]">
          Besides own ideas and same-institution authors (automatic), mark a reviewer as conflicted with one
          idea or with every idea of one author.
        </p>
        {conflicts.length > 0 ? (
          <DataTable testId="conflicts" columns={["Reviewer", "Conflicted with", ""]}>
            {conflicts.map((c) => (
              <tr key={c.id} className="border-t border-[var(--border)]">
                <td className={td}>{c.reviewerName}</td>
                <td className={td}>{c.ideaCode ? `idea ${c.ideaCode}` : `author ${c.authorName ?? "?"}`}</td>
                <td className={td}>
                  <RemoveConflictButton studyId={studyId} id={c.id} />
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <AddConflictForm
          studyId={studyId}
          reviewers={reviewerOptions}
          authors={members
            .filter((m) => m.roles.includes("writer"))
            .map((m) => ({ id: m.userId, name: m.name }))}
        />
      </Card>
    </div>
  );
}

/** Engine reasons name topics by id (the engine's topic key); show their names. */
function topicLabel(reason: string, names: Map<string, string>): string {
  let out = reason;
  for (const [id, name] of names) out = out.replaceAll(id, name);
  return out;
}
