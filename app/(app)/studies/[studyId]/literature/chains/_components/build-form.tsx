"use client";

import { ActionForm, Field } from "@/components/action-form";
import { SelectField } from "@/components/select-field";
import type { StoredChainOptions } from "@/lib/chains/stored";
import { startChainAction } from "../actions";

/** Topic (one of the study's, or typed) and the builder's main options; submitting starts the build. */
export function BuildForm({
  studyId,
  topics,
  defaults,
}: {
  studyId: string;
  topics: { id: string; name: string }[];
  defaults: StoredChainOptions;
}) {
  return (
    <ActionForm
      action={startChainAction}
      submitLabel="Build chains"
      pendingLabel="Starting…"
      testId="build-chain"
    >
      <input type="hidden" name="studyId" value={studyId} />
      {topics.length > 0 ? (
        <SelectField
          label="One of the study's topics"
          name="topicId"
          placeholder="(none: use the topic typed below)"
          options={topics.map((t) => ({ value: t.id, label: t.name }))}
        />
      ) : null}
      <Field
        label={topics.length > 0 ? "Or a topic of your own" : "Topic"}
        name="topic"
        maxLength={500}
        hint="A short research topic, e.g. “neural machine translation for low-resource languages”."
      />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field label="Chains (K)" name="k" type="number" min={1} max={5} defaultValue={defaults.k} />
        <Field
          label="Max length"
          name="maxLength"
          type="number"
          min={2}
          max={8}
          defaultValue={defaults.maxLength}
        />
        <Field
          label="Min length"
          name="minLength"
          type="number"
          min={1}
          max={8}
          defaultValue={defaults.minLength}
        />
        <Field label="Seed" name="seed" type="number" min={0} defaultValue={defaults.seed} />
      </div>
    </ActionForm>
  );
}
