"use client";

import { ActionForm, FieldErrorText } from "@/components/action-form";
import { createIdeaAction } from "./actions";

export function NewIdeaForm({
  studyId,
  topics,
}: {
  studyId: string;
  topics: { id: string; name: string; description: string }[];
}) {
  return (
    <ActionForm action={createIdeaAction} submitLabel="Start writing" testId="new-idea-form">
      <input type="hidden" name="studyId" value={studyId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Topic</legend>
        {topics.map((t, i) => (
          <label key={t.id} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="topicId"
              value={t.id}
              defaultChecked={i === 0}
              data-testid={`topic-${t.name}`}
            />
            <span>
              <strong>{t.name}</strong>
              {t.description ? (
                <span className="block text-xs text-[var(--foreground-soft)]">{t.description}</span>
              ) : null}
            </span>
          </label>
        ))}
        <FieldErrorText name="topicId" />
      </fieldset>
    </ActionForm>
  );
}
