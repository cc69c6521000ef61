import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { WithdrawnIdeas } from "@/components/withdrawn-ideas";
import { getArenaSetup } from "@/db/queries/arena-setup";
import { listIdeaWithdrawals } from "@/db/queries/idea-withdrawal";
import { plural } from "@/lib/format";
import { guardPage } from "@/server/auth/guarded-handlers";
import { ArenaSettingsForm } from "./_components/arena-settings-form";
import { CriteriaEditor } from "./_components/criteria-editor";
import { JudgesTable } from "./_components/judges-table";
import { ClearPairsForm, ScheduleForm } from "./_components/schedule-forms";
import { ScheduleTable } from "./_components/schedule-table";

export const metadata: Metadata = { title: "Arena setup" };

export default async function ArenaSetupPage({ params }: PageProps<"/studies/[studyId]/manage/arena">) {
  const { studyId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const setup = getArenaSetup({ studyId });
  const { config } = setup;
  const open = setup.studyStatus === "arena";
  const closed = setup.studyStatus === "closed";
  const nextRound = setup.rounds + 1;
  const scheduleLabel =
    config.mode === "round_robin"
      ? "Schedule all pairs"
      : `Schedule round ${nextRound} (up to ${plural(config.budget, "pair")})`;

  return (
    <div className="space-y-6">
      <WithdrawnIdeas rows={listIdeaWithdrawals({ studyId })} focus="arena" />
      <Card>
        <CardTitle>Idea Arena</CardTitle>
        <p className="text-sm" data-testid="arena-summary">
          {setup.participants} of {plural(setup.readyIdeas, "idea")} ready for the arena take part ·{" "}
          {plural(setup.pairs.length, "pair")} scheduled · {plural(setup.votes.human, "human vote")},{" "}
          {plural(setup.votes.llm, "LLM vote")}, {plural(setup.votes.skips, "skip")}.
        </p>
        <p className="mt-2 text-sm text-[var(--foreground-soft)]" data-testid="arena-state">
          {open
            ? "The arena is open: judges see the scheduled pairs on their Arena page."
            : closed
              ? "The study is closed: the arena no longer takes votes."
              : `Judges can vote once the study reaches the arena phase (now: ${setup.studyStatus}); you can prepare the setup and the schedule before that.`}
        </p>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link className="underline" href={`/studies/${studyId}/manage/arena/llm`}>
            LLM judge
          </Link>
          <Link className="underline" href={`/studies/${studyId}/leaderboard`}>
            Leaderboard
          </Link>
        </p>
      </Card>

      <Card>
        <CardTitle>Criteria ({config.criteria.length})</CardTitle>
        <p className="mb-4 text-sm text-[var(--foreground-soft)]">
          Judges give one verdict per criterion: Idea A, Idea B or a tie. The key names the criterion in{" "}
          <code>matches.csv</code> and on the leaderboard (snake_case, at most 10 criteria). Criteria can
          change until the first vote, human or LLM.
        </p>
        <CriteriaEditor
          studyId={studyId}
          criteria={config.criteria}
          lockedReason={setup.criteriaLockedReason}
        />
      </Card>

      <Card>
        <CardTitle>Who takes part and how pairs are drawn</CardTitle>
        <ArenaSettingsForm
          studyId={studyId}
          values={config}
          conditions={setup.conditions}
          topics={setup.topics}
        />
      </Card>

      <Card>
        <CardTitle>Schedule</CardTitle>
        <p className="mb-3 text-sm text-[var(--foreground-soft)]">
          Scheduling uses the saved setup above. No idea meets itself and no pair is scheduled twice, in
          either order; which idea a judge sees on the left is drawn for each judge.
          {config.mode === "round_robin"
            ? " Round-robin adds every pair still missing."
            : " Each round adds at most “pairs per round” pairs from the current match counts and scores."}
        </p>
        {setup.participants < 2 ? (
          <Alert tone="info" testId="arena-too-few">
            Fewer than two ideas take part with this setup. Ideas take part once they are submitted and their
            review text is decided (Normalization).
          </Alert>
        ) : null}
        {closed ? null : (
          <div className="flex flex-wrap items-start gap-4">
            <ScheduleForm studyId={studyId} label={scheduleLabel} />
            {setup.pairs.length > 0 ? <ClearPairsForm studyId={studyId} /> : null}
          </div>
        )}
        <div className="mt-4">
          {setup.pairs.length > 0 ? (
            <ScheduleTable pairs={setup.pairs} />
          ) : (
            <p className="text-sm" data-testid="arena-schedule-empty">
              No pairs are scheduled yet. Save the setup, then schedule pairs; judges see them while the arena
              is open.
            </p>
          )}
        </div>
      </Card>

      <Card>
        <CardTitle>Judges ({setup.judges.length})</CardTitle>
        <JudgesTable studyId={studyId} judges={setup.judges} />
      </Card>
    </div>
  );
}
