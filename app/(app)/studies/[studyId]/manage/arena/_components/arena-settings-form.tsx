"use client";

import { ActionForm, Field } from "@/components/action-form";
import { CheckboxField, CheckGroup } from "@/components/check-group";
import { SelectField } from "@/components/select-field";
import { Alert } from "@/components/ui/alert";
import { saveArenaSettingsAction } from "../actions";

type Mode = "round_robin" | "adaptive" | "swiss";

export type ArenaSettingsValues = {
  conditionKeys: string[];
  topicIds: string[];
  sameTopic: boolean;
  mode: Mode;
  budget: number;
  seed: number;
  k: number;
  bootstrap: number;
};

const modes: { value: Mode; label: string; hint: string }[] = [
  {
    value: "round_robin",
    label: "Round-robin",
    hint: "every pair once (within a topic when same-topic pairing is on); best while topics are small",
  },
  {
    value: "adaptive",
    label: "Adaptive",
    hint: "rounds of “pairs per round”, favouring ideas with the fewest matches and the closest ratings",
  },
  { value: "swiss", label: "Swiss", hint: "rounds that pair neighbours by their current score" },
];

/** Which ideas take part, how pairs are scheduled, and the leaderboard's parameters. */
export function ArenaSettingsForm({
  studyId,
  values,
  conditions,
  topics,
}: {
  studyId: string;
  values: ArenaSettingsValues;
  conditions: { key: string; label: string }[];
  topics: { id: string; name: string }[];
}) {
  return (
    <ActionForm
      action={saveArenaSettingsAction}
      submitLabel="Save setup"
      testId="arena-settings"
      success={() => <Alert tone="success">Saved.</Alert>}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <CheckGroup
        legend="Conditions taking part"
        hint="None ticked means all. Only submitted ideas with their review text decided take part."
        name="conditionKeys"
        options={conditions.map((c) => ({ value: c.key, label: c.key }))}
        checked={values.conditionKeys}
      />
      <CheckGroup
        legend="Topics taking part"
        hint="None ticked means all."
        name="topicIds"
        options={topics.map((t) => ({ value: t.id, label: t.name }))}
        checked={values.topicIds}
      />
      <CheckboxField name="sameTopic" defaultChecked={values.sameTopic}>
        Pair only ideas of the same topic
      </CheckboxField>
      <SelectField label="Scheduling mode" name="mode" options={modes} defaultValue={values.mode}>
        <ul className="list-disc pl-5 text-xs text-[var(--foreground-soft)]">
          {modes.map((m) => (
            <li key={m.value}>
              <strong>{m.label}</strong>: {m.hint}.
            </li>
          ))}
        </ul>
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field
          label="Pairs per round"
          name="budget"
          type="number"
          min={1}
          max={10000}
          step={1}
          defaultValue={values.budget}
          hint="The vote budget of one adaptive or Swiss round."
        />
        <Field
          label="Seed"
          name="seed"
          type="number"
          min={0}
          step={1}
          defaultValue={values.seed}
          hint="Same seed, same schedule; also seeds the bootstrap."
        />
        <Field
          label="Elo K"
          name="k"
          type="number"
          min={0.1}
          max={100}
          step="any"
          defaultValue={values.k}
          hint="Online Elo step size on the leaderboard (default 4)."
        />
        <Field
          label="Bootstrap resamples"
          name="bootstrap"
          type="number"
          min={0}
          max={10000}
          step={1}
          defaultValue={values.bootstrap}
          hint="For the Bradley–Terry 95% intervals (default 1,000; 0 = none)."
        />
      </div>
    </ActionForm>
  );
}
