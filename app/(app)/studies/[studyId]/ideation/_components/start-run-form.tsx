"use client";

import Link from "next/link";
import { ActionForm, Field, FieldErrorText } from "@/components/action-form";
import { CheckGroup } from "@/components/check-group";
import { SelectField } from "@/components/select-field";
import { startRunAction } from "../actions";

export type StartFormAgent = { id: string; label: string; defaultCondition: string };

/** Starts an ideation run: agents with their target conditions, topics, ideas per topic, model, budget. */
export function StartRunForm({
  studyId,
  agents,
  topics,
  defaultModel,
}: {
  studyId: string;
  agents: StartFormAgent[];
  topics: { id: string; name: string }[];
  defaultModel: string;
}) {
  return (
    <ActionForm
      action={startRunAction}
      submitLabel="Start run"
      pendingLabel="Starting…"
      testId="start-run"
      success={(d) => (
        <p className="text-sm">
          Run started. <Link href={`/studies/${studyId}/ideation/${d.runId}`}>Watch its progress</Link>
        </p>
      )}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Agents and the condition each writes into</legend>
        {agents.map((a) => (
          <div key={a.id} className="flex flex-wrap items-end gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="agent[]"
                value={a.id}
                defaultChecked={a.id === agents[0]?.id}
                data-testid={`agent-${a.id}`}
              />
              {a.label}
            </label>
            <div className="w-48">
              <Field
                label="Target condition"
                name={`condition_${a.id}`}
                defaultValue={a.defaultCondition}
                hint="Created if the study has none with this key."
              />
            </div>
            {a.id === "coi" ? (
              <div className="w-32">
                <Field label="Chains (K)" name="coi_k" type="number" min={1} max={10} defaultValue="3" />
              </div>
            ) : null}
            {a.id === "overgenerate" ? (
              <div className="w-40">
                <Field
                  label="Seeds per topic"
                  name="overgenerate_seeds"
                  type="number"
                  min={5}
                  defaultValue="200"
                />
              </div>
            ) : null}
            {a.id === "rag" ? (
              <div className="w-32">
                <Field label="Abstracts (k)" name="rag_k" type="number" min={1} max={20} defaultValue="5" />
              </div>
            ) : null}
            <FieldErrorText name={`params_${a.id}`} />
          </div>
        ))}
        <FieldErrorText name="agent" />
      </fieldset>
      <SelectField
        label="Topics"
        name="topicMode"
        defaultValue="chosen"
        options={[
          { value: "chosen", label: "The topics ticked below, with the same number of ideas each" },
          { value: "match", label: "Match the human ideas' topic mix (as many per topic as people wrote)" },
        ]}
      />
      <CheckGroup
        legend="Topics to run"
        name="topicIds"
        options={topics.map((t) => ({ value: t.id, label: t.name }))}
        checked={topics.map((t) => t.id)}
        layout="stacked"
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Ideas per topic" name="n" type="number" min={1} max={20} defaultValue="2" />
        <Field
          label="Model"
          name="model"
          defaultValue={defaultModel}
          hint="A model of the configured provider."
        />
        <Field label="Budget cap (USD)" name="budgetUsd" type="number" step="0.01" min={0} defaultValue="1" />
      </div>
      <SelectField
        label="Keep"
        name="keep"
        defaultValue="best"
        options={[
          { value: "best", label: "The best ideas per topic (ranked pairwise)" },
          { value: "all", label: "All K candidates, ranked" },
        ]}
      />
    </ActionForm>
  );
}
