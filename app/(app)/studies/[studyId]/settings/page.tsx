import type { Metadata } from "next";
import { Card, CardTitle } from "@/components/ui/card";
import { getPhaseChangeImpact } from "@/db/queries/open-work";
import { getStudyDeletionSummary } from "@/db/queries/study-lifecycle";
import { getSettingsLocks, getStudySettings, listStudyEvents } from "@/db/queries/study-setup";
import { formatUtcDateTime } from "@/lib/format";
import { STUDY_STATUSES } from "@/lib/studies/types";
import { guardPage } from "@/server/auth/guarded-handlers";
import { LifecycleForms } from "./_components/lifecycle-forms";
import { PhaseChangeForm } from "./_components/phase-change-form";
import {
  ConditionsEditor,
  DetailsForm,
  PhaseDatesForm,
  TemplateEditor,
  TopicsEditor,
} from "./settings-forms";

export const metadata: Metadata = { title: "Study settings" };

export default async function SettingsPage({ params }: PageProps<"/studies/[studyId]/settings">) {
  const { studyId } = await params;
  const guard = await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const mayArchive = guard.user.isAdmin || guard.study.createdBy === guard.user.id;
  const { study, topics, conditions, template } = getStudySettings({ studyId });
  const locks = getSettingsLocks({ studyId });
  const events = listStudyEvents({ studyId, limit: 20 });
  const index = STUDY_STATUSES.indexOf(study.status);
  const next = STUDY_STATUSES[index + 1];
  const prev = index > 0 ? STUDY_STATUSES[index - 1] : undefined;
  const usedNote = "In use by ideas: it cannot be removed and its key cannot change.";
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card>
        <CardTitle>Phase</CardTitle>
        <p className="mb-3 text-sm">
          The study is in the <strong data-testid="current-phase">{study.status}</strong> phase. Phases run{" "}
          {STUDY_STATUSES.join(" → ")}.
        </p>
        <div className="flex flex-wrap items-start gap-4">
          {next ? (
            <PhaseChangeForm
              studyId={studyId}
              to={next}
              label={`Start ${next}`}
              needsReason={false}
              impact={getPhaseChangeImpact({ studyId, to: next })}
            />
          ) : null}
          {prev ? (
            <PhaseChangeForm
              studyId={studyId}
              to={prev}
              label={`Back to ${prev}`}
              needsReason
              impact={getPhaseChangeImpact({ studyId, to: prev })}
            />
          ) : null}
        </div>
        <h3 className="mb-2 mt-5 text-sm font-semibold">Planned dates</h3>
        <PhaseDatesForm studyId={studyId} phases={STUDY_STATUSES} dates={study.phaseDates} />
      </Card>
      <Card>
        <CardTitle>Details</CardTitle>
        <DetailsForm studyId={studyId} study={study} />
      </Card>
      <Card>
        <CardTitle>Topics</CardTitle>
        <TopicsEditor
          studyId={studyId}
          rows={topics.map((t) => ({
            id: t.id,
            name: t.name,
            description: t.description,
            _used: locks.usedTopicIds.includes(t.id),
            _note: locks.usedTopicIds.includes(t.id) ? usedNote : undefined,
          }))}
        />
      </Card>
      <Card>
        <CardTitle>Conditions</CardTitle>
        <p className="mb-3 text-xs text-[var(--foreground-soft)]">
          Conditions are compared against the baseline (usually Human). Ideas written in the app get the
          baseline condition; imported and generated ideas carry their own.
        </p>
        <ConditionsEditor
          studyId={studyId}
          rows={conditions.map((c) => ({
            id: c.id,
            key: c.key,
            label: c.label,
            isBaseline: c.isBaseline,
            _used: locks.usedConditionIds.includes(c.id),
            _note: locks.usedConditionIds.includes(c.id) ? usedNote : undefined,
          }))}
        />
      </Card>
      <Card className="xl:col-span-2">
        <CardTitle>Idea template</CardTitle>
        <TemplateEditor
          studyId={studyId}
          lockedReason={locks.templateLocked}
          rows={template.map((f) => ({
            key: f.key,
            label: f.label,
            guidance: f.guidance,
            required: f.required,
            wordLimit: f.wordLimit,
          }))}
        />
      </Card>
      <Card className="xl:col-span-2">
        <CardTitle>Archive or delete</CardTitle>
        {mayArchive ? (
          <LifecycleForms
            studyId={studyId}
            archived={guard.study.archivedAt !== null}
            summary={getStudyDeletionSummary({ studyId })}
          />
        ) : (
          <p className="text-sm" data-testid="lifecycle-owner-only">
            Only an instance admin or the study's creator can archive or delete this study.
          </p>
        )}
      </Card>
      <Card className="xl:col-span-2">
        <CardTitle>Change log</CardTitle>
        {events.length === 0 ? (
          <p className="text-sm text-[var(--foreground-soft)]">No changes yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="events">
            {events.map((e) => (
              <li key={e.id}>
                {formatUtcDateTime(e.createdAt)} · {e.actorName ?? "someone"} · {e.kind}{" "}
                <span className="text-[var(--foreground-soft)]">{JSON.stringify(e.detail)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
