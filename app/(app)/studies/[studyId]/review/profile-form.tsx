"use client";

import { ActionForm, Field } from "@/components/action-form";
import { CheckGroup } from "@/components/check-group";
import { saveProfileAction } from "./actions";

type Props = {
  studyId: string;
  topics: { id: string; name: string; description: string }[];
  settings: { maxTopicChoices: number; loadMin: number; loadMax: number };
  profile: { topicIds: string[]; minLoad: number; maxLoad: number; institution: string } | null;
  disabled: boolean;
};

/** Reviewer sign-up: preferred topics, a load range within the study's bounds, institution. */
export function ProfileForm({ studyId, topics, settings, profile, disabled }: Props) {
  if (disabled) {
    return <p className="text-sm">The review phase has closed; preferences can no longer change.</p>;
  }
  return (
    <ActionForm
      action={saveProfileAction}
      submitLabel={profile ? "Save preferences" : "Sign up"}
      testId="reviewer-profile"
      success={(message) => <p className="text-sm text-green-700">{String(message)}</p>}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <CheckGroup
        legend={`Preferred topics (at most ${settings.maxTopicChoices})`}
        name="topicIds"
        options={topics.map((t) => ({ value: t.id, label: t.name, description: t.description }))}
        checked={profile?.topicIds ?? []}
        testId={(o) => `topic-${o.label}`}
        layout="stacked"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={`Fewest ideas to review (${settings.loadMin}–${settings.loadMax})`}
          name="minLoad"
          type="number"
          min={settings.loadMin}
          max={settings.loadMax}
          defaultValue={profile?.minLoad ?? settings.loadMin}
        />
        <Field
          label={`Most ideas to review (${settings.loadMin}–${settings.loadMax})`}
          name="maxLoad"
          type="number"
          min={settings.loadMin}
          max={settings.loadMax}
          defaultValue={profile?.maxLoad ?? settings.loadMax}
        />
      </div>
      <Field
        label="Institution"
        name="institution"
        hint="Used only to avoid assigning you ideas from your own institution; reviewers never see it."
        defaultValue={profile?.institution ?? ""}
        maxLength={200}
      />
    </ActionForm>
  );
}
