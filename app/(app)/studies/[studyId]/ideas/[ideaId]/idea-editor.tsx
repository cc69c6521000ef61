"use client";

import Link from "next/link";
import { useState } from "react";
import { Markdown } from "@/components/markdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAutosave, useProblemMessage } from "@/components/use-autosave";
import type { SaveOutcome } from "@/lib/autosave";
import type { ActionResult } from "@/lib/errors";
import { recheckFieldErrors } from "@/lib/ideas/field-recheck";
import { countWords, validateIdeaFields } from "@/lib/ideas/template";
import type { IdeaFields, IdeaTemplateField } from "@/lib/ideas/types";
import { saveIdeaAction, submitIdeaAction, withdrawIdeaAction } from "../actions";

const AUTOSAVE_MS = 3000;

type Conflict = { version: number; fields: IdeaFields; savedAt: number | null };
type WriteResult = { ok: true; version: number } | { ok: false; conflict: Conflict };

function sameFields(a: IdeaFields, b: IdeaFields) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? "") !== (b[k] ?? "")) return false;
  return true;
}

export function IdeaEditor({
  studyId,
  ideaId,
  code,
  topicName,
  template,
  initialFields,
  initialVersion,
  initialStatus,
  attestationText,
  editable,
}: {
  studyId: string;
  ideaId: string;
  code: string;
  topicName: string;
  template: IdeaTemplateField[];
  initialFields: IdeaFields;
  initialVersion: number;
  initialStatus: string;
  attestationText: string | null;
  editable: boolean;
}) {
  const [status, setStatus] = useState(initialStatus);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [preview, setPreview] = useState<Record<string, boolean>>({});
  const [attested, setAttested] = useState(false);

  /** A save or submit result as the autosave machine reads it; field errors go next to the fields. */
  function outcome(result: ActionResult<WriteResult> | null, offline: string): SaveOutcome<Conflict> {
    if (!result) return { kind: "offline", message: offline };
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      return { kind: "refused", message: result.message };
    }
    if (!result.data.ok) return { kind: "conflict", conflict: result.data.conflict };
    return { kind: "saved", version: result.data.version, savedAt: Date.now() };
  }

  const autosave = useAutosave<IdeaFields, Conflict>({
    initial: initialFields,
    initialVersion,
    initialStatus: "saved",
    equal: sameFields,
    delayMs: AUTOSAVE_MS,
    enabled: editable,
    save: async (fields, expectedVersion, saveId) =>
      outcome(
        await saveIdeaAction({ studyId, ideaId, expectedVersion, fields, saveId }).catch(() => null),
        "Could not reach the server; your text is kept here and will be saved when the connection returns.",
      ),
  });
  const { value: fields, status: state, conflict, savedAt } = autosave;
  // A save problem replaces the message line; a successful save clears it (a submit message stays).
  useProblemMessage(autosave.problem, setMessage);

  function resolveConflict(choice: "theirs" | "mine") {
    if (!conflict) return;
    autosave.resolve({ value: conflict.fields, version: conflict.version }, choice);
  }

  async function submit() {
    const check = validateIdeaFields({ template, fields: autosave.latest(), mode: "submit" });
    if (!check.ok) {
      setFieldErrors(check.errors);
      setMessage(`Before you can submit: ${Object.values(check.errors).flat().join(" ")}`);
      return;
    }
    if (attestationText && !attested) {
      setMessage("Please tick the statement above the submit button.");
      return;
    }
    // Save first (a conflict or error stops here, with its message already shown).
    if (!(await autosave.save())) return;
    const result = await autosave.commit(async (fields, expectedVersion) => {
      const sent = await submitIdeaAction({ studyId, ideaId, expectedVersion, fields, attested }).catch(
        () => null,
      );
      if (!sent) setFieldErrors({});
      return outcome(sent, "Could not reach the server. Your text is kept; try again.");
    });
    if (result.kind !== "saved") return;
    setStatus("submitted");
    setFieldErrors({});
    setMessage("Submitted. You can still edit it until writing closes.");
  }

  async function withdraw() {
    if (
      !window.confirm(
        "Withdraw this idea? It will not be reviewed. You can resubmit it while writing is open.",
      )
    )
      return;
    const result = await withdrawIdeaAction({ studyId, ideaId });
    if (result.ok) {
      setStatus("withdrawn");
      autosave.setVersion(result.data.version);
      setMessage("Withdrawn.");
    } else setMessage(result.message);
  }

  const stateLabel = {
    idle: "Saved",
    saved: savedAt ? `Saved ${new Date(savedAt).toLocaleTimeString()}` : "Saved",
    dirty: "Unsaved changes…",
    saving: "Saving…",
    error: "Not saved",
    conflict: "Conflict: not saved",
  }[state];

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-2 border-b border-[var(--border)] bg-[var(--background)] py-2">
        <p className="text-sm">
          Idea <span className="font-mono">{code}</span> · topic{" "}
          <strong data-testid="idea-topic">{topicName}</strong> · status{" "}
          <strong data-testid="idea-status">{status}</strong>
        </p>
        <p className="text-sm" role="status" aria-live="polite" data-testid="save-state">
          {stateLabel}
        </p>
      </div>
      {conflict ? (
        <Alert tone="warning" testId="conflict">
          <p className="font-medium">
            This idea was changed in another tab or device (version {conflict.version}). Nothing was
            overwritten; your text is still in the editor.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={() => resolveConflict("mine")}
              data-testid="conflict-keep-mine"
            >
              Keep my text (save over theirs)
            </Button>
            <Button
              variant="secondary"
              onClick={() => resolveConflict("theirs")}
              data-testid="conflict-use-theirs"
            >
              Load the other version (discard mine)
            </Button>
          </div>
          <details className="mt-2">
            <summary className="cursor-pointer text-sm">Show the other version</summary>
            <div className="mt-2 space-y-2">
              {template.map((f) => (
                <div key={f.key}>
                  <p className="text-xs font-semibold">{f.label}</p>
                  <pre className="whitespace-pre-wrap text-xs">{conflict.fields[f.key] ?? ""}</pre>
                </div>
              ))}
            </div>
          </details>
        </Alert>
      ) : null}
      {message ? (
        <Alert tone={state === "error" ? "error" : "info"} testId="editor-message">
          {message}
        </Alert>
      ) : null}
      {template.map((f) => {
        const value = fields[f.key] ?? "";
        const words = countWords(value);
        const over = f.wordLimit !== null && words > f.wordLimit;
        const errors = fieldErrors[f.key];
        const id = `field-${f.key}`;
        return (
          <section key={f.key} className="space-y-1">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <label htmlFor={id} className="font-medium">
                {f.label}
                {f.required ? <span className="text-red-700"> *</span> : null}
              </label>
              <span
                className={`text-xs ${over ? "font-semibold text-red-700" : "text-[var(--foreground-soft)]"}`}
                data-testid={`words-${f.key}`}
              >
                {words}
                {f.wordLimit !== null ? ` / ${f.wordLimit}` : ""} words
              </span>
            </div>
            {f.guidance ? <p className="text-xs text-[var(--foreground-soft)]">{f.guidance}</p> : null}
            {preview[f.key] ? (
              <div className="min-h-24 rounded-md border border-[var(--border)] bg-[var(--surface)] p-3">
                <Markdown testId={`preview-${f.key}`}>{value || "_Nothing written yet._"}</Markdown>
              </div>
            ) : (
              <textarea
                id={id}
                data-testid={id}
                value={value}
                readOnly={!editable}
                onChange={(e) => {
                  const text = e.target.value;
                  autosave.edit((prev) => ({ ...prev, [f.key]: text }));
                  if (errors) {
                    setFieldErrors((prev) =>
                      recheckFieldErrors({ errors: prev, template, key: f.key, value: text }),
                    );
                  }
                }}
                onBlur={() => void autosave.save()}
                rows={f.key === "title" ? 2 : 8}
                aria-invalid={errors ? true : undefined}
                className="block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 font-mono text-sm aria-[invalid=true]:border-red-600"
              />
            )}
            <div className="flex items-center justify-between">
              <button
                type="button"
                className="text-xs text-[var(--accent)] hover:underline"
                onClick={() => setPreview((p) => ({ ...p, [f.key]: !p[f.key] }))}
              >
                {preview[f.key] ? "Edit" : "Preview"}
              </button>
              {errors ? (
                <p className="text-xs text-red-700" data-testid={`error-${f.key}`}>
                  {errors.join(" ")}
                </p>
              ) : null}
            </div>
          </section>
        );
      })}
      {editable ? (
        <div className="space-y-3 border-t border-[var(--border)] pt-4">
          {attestationText ? (
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                checked={attested}
                onChange={(e) => setAttested(e.target.checked)}
                data-testid="attest"
              />
              {attestationText}
            </label>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void submit()} data-testid="submit-idea">
              {status === "submitted" ? "Save and keep submitted" : "Submit idea"}
            </Button>
            <Button variant="secondary" onClick={() => void autosave.save()} data-testid="save-now">
              Save now
            </Button>
            {status === "submitted" ? (
              <Button variant="danger" onClick={() => void withdraw()} data-testid="withdraw-idea">
                Withdraw
              </Button>
            ) : null}
            <Link href={`/studies/${studyId}/ideas/${ideaId}/history`} className="self-center text-sm">
              Version history
            </Link>
          </div>
        </div>
      ) : (
        <p className="text-sm text-[var(--foreground-soft)]">
          Writing is closed; this idea can no longer be edited.
        </p>
      )}
    </div>
  );
}
