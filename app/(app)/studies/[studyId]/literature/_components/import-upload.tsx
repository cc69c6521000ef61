"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type State =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "importing" }
  | { phase: "done"; message: string }
  | { phase: "error"; message: string };

/** Uploads a corpus file with a progress bar (XHR reports upload progress; fetch does not). */
export function ImportUpload({ studyId }: { studyId: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: "idle" });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setState({ phase: "error", message: "Choose a file first." });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/studies/${studyId}/literature/api/import?name=${encodeURIComponent(file.name)}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable)
        setState({ phase: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => setState({ phase: "importing" });
    xhr.onerror = () =>
      setState({ phase: "error", message: "The upload failed; check the connection and try again." });
    xhr.onload = () => {
      let body: {
        message?: string;
        papers?: number;
        inserted?: number;
        merged?: number;
        unchanged?: number;
        edgesAdded?: number;
      } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status !== 200) {
        setState({ phase: "error", message: body.message ?? `The import failed (HTTP ${xhr.status}).` });
        return;
      }
      setState({
        phase: "done",
        message: `Imported ${body.papers} papers: ${body.inserted} new, ${body.merged} merged, ${body.unchanged} unchanged; ${body.edgesAdded} new citation edges.`,
      });
      router.refresh();
    };
    setState({ phase: "uploading", percent: 0 });
    xhr.send(file);
  }

  const busy = state.phase === "uploading" || state.phase === "importing";
  const percent = state.phase === "uploading" ? state.percent : state.phase === "importing" ? 100 : 0;
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="import-form">
      <label className="block text-sm font-medium" htmlFor="corpus-file">
        Corpus file (.jsonl, .jsonl.gz, .bib, .ris)
      </label>
      <input
        id="corpus-file"
        ref={input}
        type="file"
        accept=".jsonl,.gz,.ndjson,.bib,.bibtex,.ris"
        className="block text-sm"
        data-testid="import-file"
      />
      {busy ? (
        <div>
          <progress
            className="w-full"
            max={100}
            value={percent}
            aria-label="Upload progress"
            data-testid="import-progress"
          />
          <p className="text-xs text-[var(--foreground-soft)]">
            {state.phase === "importing" ? "Checking every line and importing…" : `Uploading… ${percent}%`}
          </p>
        </div>
      ) : null}
      {state.phase === "done" ? (
        <Alert tone="success" testId="import-done">
          {state.message}
        </Alert>
      ) : null}
      {state.phase === "error" ? (
        <Alert tone="error" testId="import-error">
          <span className="whitespace-pre-wrap">{state.message}</span>
        </Alert>
      ) : null}
      <Button type="submit" disabled={busy} data-testid="import-submit">
        {busy ? "Importing…" : "Import"}
      </Button>
    </form>
  );
}
