import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { StudyOverviewCounts } from "@/db/queries/study-overview";
import { type PhaseDates, STUDY_STATUSES } from "@/lib/studies/types";

const day = (t: number | null | undefined) => (t ? new Date(t).toISOString().slice(0, 10) : "—");

/** Where the study stands, for its organizers: ideas per topic × condition, reviews, votes, dates. */
export function OrganizerCounts({ counts, dates }: { counts: StudyOverviewCounts; dates: PhaseDates }) {
  const { balance } = counts;
  return (
    <Card data-testid="organizer-counts">
      <CardTitle>Where the study stands</CardTitle>
      <DataTable
        testId="overview-balance"
        columns={["Topic", ...balance.conditions.map((c) => c.key), "Total"]}
      >
        {balance.rows.map((row) => (
          <tr key={row.topicId} className="border-t border-[var(--border)]">
            <td className="py-1 pr-3">{row.topicName}</td>
            {balance.conditions.map((c) => (
              <td key={c.id} className="py-1 pr-3 tabular-nums">
                {row.counts[c.key]?.submitted ?? 0}
              </td>
            ))}
            <td className="py-1 pr-3 tabular-nums">{row.total}</td>
          </tr>
        ))}
      </DataTable>
      <ul className="mt-3 space-y-1 text-sm" data-testid="overview-progress">
        <li>
          Ideas: {balance.total.submitted} submitted, {counts.draftIdeas} still drafts.
        </li>
        <li>
          Reviews: {counts.reviewsSubmitted} submitted, {counts.reviewDrafts} in draft,{" "}
          {counts.reviewsNotStarted} not started.
        </li>
        <li>
          Arena: {counts.humanVotes} votes by people, {counts.llmVotes} by the LLM judge,{" "}
          {counts.unjudgedPairs} pairs without a human vote.
        </li>
      </ul>
      <h3 className="mb-1 mt-4 text-sm font-semibold">Planned dates (UTC)</h3>
      <ul className="text-sm" data-testid="overview-dates">
        {STUDY_STATUSES.filter((p) => dates[p]?.opensAt || dates[p]?.closesAt).map((p) => (
          <li key={p}>
            {p}: {day(dates[p]?.opensAt)} → {day(dates[p]?.closesAt)}
          </li>
        ))}
        {STUDY_STATUSES.every((p) => !dates[p]?.opensAt && !dates[p]?.closesAt) ? (
          <li>No dates planned yet; set them under Settings.</li>
        ) : null}
      </ul>
    </Card>
  );
}
