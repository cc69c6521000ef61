"use client";

import { ActionForm, Field } from "@/components/action-form";
import { type ListColumn, ListEditor } from "@/components/list-editor";
import { Alert } from "@/components/ui/alert";
import { formatUtcDate } from "@/lib/format";
import type { StudyStatus } from "@/lib/studies/types";
import {
  saveConditionsAction,
  savePhaseDatesAction,
  saveTemplateAction,
  saveTopicsAction,
  updateDetailsAction,
} from "./actions";

type Rows = Parameters<typeof ListEditor>[0]["initialRows"];

export function DetailsForm({
  studyId,
  study,
}: {
  studyId: string;
  study: {
    title: string;
    description: string;
    instructions: string;
    consentText: string;
    attestationText: string | null;
  };
}) {
  return (
    <ActionForm
      action={updateDetailsAction}
      submitLabel="Save details"
      testId="details-form"
      success={() => <Alert tone="success">Saved.</Alert>}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <Field label="Title" name="title" defaultValue={study.title} />
      <Field label="Description" name="description" multiline defaultValue={study.description} />
      <Field
        label="Instructions for participants"
        name="instructions"
        multiline
        defaultValue={study.instructions}
      />
      <Field
        label="Consent text"
        name="consentText"
        multiline
        defaultValue={study.consentText}
        hint="Shown to each participant before their first action; they must accept it. Leave empty for none."
      />
      <Field
        label="Attestation checkbox (optional)"
        name="attestationText"
        defaultValue={study.attestationText ?? ""}
        hint='e.g. "I did not use AI tools to write this idea." Writers tick it when they submit.'
      />
    </ActionForm>
  );
}

const topicColumns: ListColumn[] = [
  { key: "name", label: "Name", type: "text", lockedWhenUsed: true },
  { key: "description", label: "Description", type: "textarea", width: "min-w-64 flex-[2]" },
];
const conditionColumns: ListColumn[] = [
  { key: "key", label: "Key", type: "text", lockedWhenUsed: true, width: "w-40" },
  { key: "label", label: "Label", type: "text" },
  { key: "isBaseline", label: "Baseline", type: "single", lockedWhenUsed: true, width: "w-20" },
];
const templateColumns: ListColumn[] = [
  { key: "key", label: "Key", type: "text", width: "w-40" },
  { key: "label", label: "Label", type: "text" },
  { key: "guidance", label: "Guidance", type: "textarea", width: "min-w-64 flex-[2]" },
  { key: "required", label: "Required", type: "checkbox", width: "w-20" },
  { key: "wordLimit", label: "Word limit", type: "number", width: "w-28" },
];

export function TopicsEditor({ studyId, rows }: { studyId: string; rows: Rows }) {
  return (
    <ListEditor
      studyId={studyId}
      columns={topicColumns}
      initialRows={rows}
      blankRow={{ name: "", description: "" }}
      save={saveTopicsAction}
      itemName="topic"
      testId="topics"
    />
  );
}

export function ConditionsEditor({ studyId, rows }: { studyId: string; rows: Rows }) {
  return (
    <ListEditor
      studyId={studyId}
      columns={conditionColumns}
      initialRows={rows}
      blankRow={{ key: "", label: "", isBaseline: false }}
      save={saveConditionsAction}
      itemName="condition"
      testId="conditions"
    />
  );
}

export function TemplateEditor({
  studyId,
  rows,
  lockedReason,
}: {
  studyId: string;
  rows: Rows;
  lockedReason: string | null;
}) {
  return (
    <ListEditor
      studyId={studyId}
      columns={templateColumns}
      initialRows={rows}
      blankRow={{ key: "", label: "", guidance: "", required: true, wordLimit: 300 }}
      save={saveTemplateAction}
      itemName="field"
      testId="template"
      disabledReason={lockedReason}
    />
  );
}

const day = (t: number | null | undefined) => (t ? formatUtcDate(t) : "");

export function PhaseDatesForm({
  studyId,
  phases,
  dates,
}: {
  studyId: string;
  phases: readonly StudyStatus[];
  dates: Partial<Record<StudyStatus, { opensAt?: number | null; closesAt?: number | null }>>;
}) {
  return (
    <ActionForm
      action={savePhaseDatesAction}
      submitLabel="Save dates"
      testId="phase-dates"
      success={() => <Alert tone="success">Saved.</Alert>}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <div className="grid grid-cols-[7rem_1fr_1fr] items-center gap-2 text-sm">
        <span />
        <span className="text-xs font-medium">Opens</span>
        <span className="text-xs font-medium">Closes</span>
        {phases.map((p) => (
          <div key={p} className="contents">
            <span>{p}</span>
            <input
              type="date"
              name={`${p}.opensAt`}
              aria-label={`${p} opens`}
              defaultValue={day(dates[p]?.opensAt)}
              className="rounded border border-[var(--border)] bg-[var(--background)] px-2 py-1"
            />
            <input
              type="date"
              name={`${p}.closesAt`}
              aria-label={`${p} closes`}
              defaultValue={day(dates[p]?.closesAt)}
              className="rounded border border-[var(--border)] bg-[var(--background)] px-2 py-1"
            />
          </div>
        ))}
      </div>
    </ActionForm>
  );
}
