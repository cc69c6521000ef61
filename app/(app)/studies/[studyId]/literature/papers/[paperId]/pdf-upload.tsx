"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type State = { phase: "idle" | "uploading" } | { phase: "done" | "error"; message: string };

/** Uploads the paper's PDF (multipart, field "pdf"); the server extracts and stores its text. */
export function PdfUpload({
  studyId,
  paperId,
  maxBytes,
}: {
  studyId: string;
  paperId: string;
  maxBytes: number;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: "idle" });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ phase: "error", message: "Choose a PDF first." });
    if (file.size > maxBytes) {
      return setState({
        phase: "error",
        message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${(maxBytes / 1024 / 1024).toFixed(0)} MB.`,
      });
    }
    setState({ phase: "uploading" });
    const body = new FormData();
    body.set("pdf", file, file.name);
    try {
      const res = await fetch(`/studies/${studyId}/literature/papers/${paperId}/pdf`, {
        method: "POST",
        body,
      });
      const json = (await res.json().catch(() => null)) as
        | { ok: true; data: { fileName: string; pages: number; chars: number } }
        | { ok: false; message: string }
        | null;
      if (!json) return setState({ phase: "error", message: `The upload failed (HTTP ${res.status}).` });
      if (!json.ok) return setState({ phase: "error", message: json.message });
      setState({
        phase: "done",
        message: `Read ${json.data.fileName}: ${json.data.pages} pages, ${json.data.chars.toLocaleString("en")} characters of text.`,
      });
      router.refresh();
    } catch {
      setState({ phase: "error", message: "The upload failed; check the connection and try again." });
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="pdf-form">
      <label className="block text-sm font-medium" htmlFor="pdf-file">
        PDF of this paper (at most {Math.round(maxBytes / 1024 / 1024)} MB)
      </label>
      <input
        id="pdf-file"
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        className="block text-sm"
        data-testid="pdf-file"
      />
      {state.phase === "done" ? (
        <Alert tone="success" testId="pdf-done">
          {state.message}
        </Alert>
      ) : null}
      {state.phase === "error" ? (
        <Alert tone="error" testId="pdf-error">
          {state.message}
        </Alert>
      ) : null}
      <Button type="submit" disabled={state.phase === "uploading"} data-testid="pdf-submit">
        {state.phase === "uploading" ? "Extracting text…" : "Upload PDF"}
      </Button>
    </form>
  );
}
