import type { Metadata } from "next";
import { ConsentForm } from "@/components/consent-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { getJudgeBoard } from "@/db/queries/arena-judging";
import { getStudySettings } from "@/db/queries/study-setup";
import { needsConsent } from "@/server/auth/consent";
import { guardPage } from "@/server/auth/guarded-handlers";
import { acceptConsentAction } from "../ideas/actions";
import { IdeaColumn } from "./_components/idea-column";
import { VerdictPanel } from "./_components/verdict-panel";

export const metadata: Metadata = { title: "Arena" };

const SHORTCUTS: [string, string][] = [
  ["A / B / T", "Idea A, Idea B or Tie for the highlighted criterion, then on to the next"],
  ["↑ / ↓ or 1–9", "move between criteria"],
  ["C", "write a comment (Esc goes back to the criteria)"],
  ["Enter", "submit, once every criterion has a verdict"],
  ["Tab", "reach “Skip this pair” and the other buttons"],
];

export default async function ArenaPage({ params }: PageProps<"/studies/[studyId]/arena">) {
  const { studyId } = await params;
  const { user, roles } = await guardPage({ study: { roles: ["judge"] } }, { studyId });
  const { study } = getStudySettings({ studyId });
  if (needsConsent({ studyId, userId: user.id, roles })) {
    return (
      <ConsentForm
        studyId={study.id}
        consentText={study.consentText}
        action={acceptConsentAction}
        returnTo={`/studies/${study.id}/arena`}
      />
    );
  }
  const board = getJudgeBoard({ studyId, userId: user.id });
  const { progress, pair } = board;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p className="text-sm" data-testid="arena-progress">
          <strong>
            {progress.done} of {progress.total}
          </strong>{" "}
          pairs judged ({progress.voted} voted, {progress.skipped} skipped)
        </p>
        <p className="text-xs text-[var(--foreground-soft)]">
          Compare the two ideas on each criterion. They are anonymous, and which one is on the left is random.
        </p>
      </div>

      {board.closedReason ? (
        <Alert tone="info" testId="arena-closed">
          {board.closedReason}
        </Alert>
      ) : pair === null ? (
        <Card data-testid="arena-done">
          <CardTitle>{progress.total === 0 ? "No pairs for you yet" : "All done"}</CardTitle>
          <p className="text-sm">
            {progress.total === 0
              ? "The organizer has not scheduled any pairs you can judge yet. Come back later; new pairs appear here."
              : "You have judged or skipped every pair available to you. The organizer may schedule more rounds; they will appear here."}
          </p>
        </Card>
      ) : (
        <>
          {/* The verdict stays in view (sticky, scrolling on its own if taller than the window) while the
              judge scrolls through long ideas. */}
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
            <div className="min-w-0 space-y-4">
              <div className="grid gap-4 xl:grid-cols-2">
                <IdeaColumn label="Idea A" side="a" idea={pair.left} />
                <IdeaColumn label="Idea B" side="b" idea={pair.right} />
              </div>
              <Card data-testid="arena-shortcuts">
                <CardTitle>Keyboard</CardTitle>
                <dl className="grid gap-2 text-sm sm:grid-cols-2">
                  {SHORTCUTS.map(([keys, what]) => (
                    <div key={keys}>
                      <dt>
                        <kbd className="rounded border border-[var(--border)] px-1 font-mono text-xs">
                          {keys}
                        </kbd>
                      </dt>
                      <dd className="text-xs text-[var(--foreground-soft)]">{what}</dd>
                    </div>
                  ))}
                </dl>
              </Card>
            </div>
            <aside
              aria-label="Your verdict"
              className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
              data-testid="verdict-aside"
            >
              <VerdictPanel
                key={pair.pairId}
                studyId={studyId}
                pairId={pair.pairId}
                criteria={board.criteria}
              />
            </aside>
          </div>
        </>
      )}
    </div>
  );
}
