"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { uploadFile } from "@/components/upload-file";
import { plural } from "@/lib/format";
import { IDEA_IMPORT_MAX_BYTES } from "@/lib/ideas/import-limits";

type Problem = { line: number; field?: string; message: string };
type Preview = {
  ok: boolean;
  format: string | null;
  rowCount: number;
  duplicates: { line: number; externalId: string }[];
  errors: Problem[];
};
type Committed = { imported: number; skipped: number; errors: Problem[] };

// The file goes to the upload route as a file (multipart), checked against the limit before sending.
const send = <T,>(studyId: string, mode: "preview" | "commit", file: File) =>
  uploadFile<T>({
    url: `/api/studies/${studyId}/ideas/import?mode=${mode}`,
    file,
    maxBytes: IDEA_IMPORT_MAX_BYTES,
    label: "idea file",
  });

export function ImportPanel({ studyId }: { studyId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(f: File | undefined) {
    setPreview(null);
    setMessage(null);
    if (!f) return;
    setFile(f);
    setBusy(true);
    const res = await send<Preview>(studyId, "preview", f);
    setBusy(false);
    if (res.ok) setPreview(res.data);
    else setMessage({ tone: "error", text: res.message });
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    const res = await send<Committed>(studyId, "commit", file);
    setBusy(false);
    if (!res.ok) return setMessage({ tone: "error", text: res.message });
    if (res.data.errors.length > 0) {
      setPreview((p) => (p ? { ...p, ok: false, errors: res.data.errors } : p));
      return setMessage({ tone: "error", text: "Nothing was imported: the file has problems." });
    }
    setMessage({
      tone: "success",
      text: `Imported ${plural(res.data.imported, "idea")}${res.data.skipped ? `; skipped ${res.data.skipped} already imported` : ""}.`,
    });
    setPreview(null);
    setFile(null);
    router.refresh();
  }

  const errors: Problem[] = preview?.errors ?? [];
  return (
    <div className="space-y-3" data-testid="import-panel">
      <p className="text-xs text-[var(--foreground-soft)]">
        JSONL (one object per line) or CSV with a header: one column per template field, plus{" "}
        <code>topic</code>, <code>condition</code> and optional <code>external_id</code>. Every row is checked
        first; a file with any bad row imports nothing.
      </p>
      <input
        type="file"
        accept=".jsonl,.csv,application/json,text/csv"
        aria-label="Idea file to import"
        data-testid="import-file"
        onChange={(e) => {
          const picked = e.target.files?.[0];
          // Cleared so that choosing the same file again (a re-import) is noticed.
          e.target.value = "";
          void choose(picked);
        }}
        className="block text-sm"
      />
      {busy ? <p className="text-sm">Checking…</p> : null}
      {preview ? (
        <div className="space-y-2" data-testid="import-preview">
          <p className="text-sm">
            <strong>{file?.name}</strong> ({preview.format}):{" "}
            <span data-testid="import-row-count">{preview.rowCount}</span> new idea
            {preview.rowCount === 1 ? "" : "s"}
            {preview.duplicates.length > 0
              ? `, ${preview.duplicates.length} already imported (will be skipped)`
              : ""}
            .
          </p>
          {preview.duplicates.length > 0 ? (
            <ul className="text-xs" data-testid="import-duplicates">
              {preview.duplicates.slice(0, 20).map((d) => (
                <li key={`${d.line}-${d.externalId}`}>
                  line {d.line}: external_id “{d.externalId}” is already in this study
                </li>
              ))}
            </ul>
          ) : null}
          {errors.length > 0 ? (
            <Alert tone="error" testId="import-errors">
              <p className="mb-1 font-medium">
                {plural(errors.length, "problem")}; nothing will be imported until the file is fixed:
              </p>
              <ul className="max-h-64 list-disc overflow-y-auto pl-5 text-xs">
                {errors.map((e, i) => (
                  <li key={`${e.line}-${e.field ?? ""}-${i.toString()}`}>
                    line {e.line}
                    {e.field ? ` · ${e.field}` : ""}: {e.message}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : preview.rowCount > 0 ? (
            <Button onClick={() => void commit()} disabled={busy} data-testid="import-commit">
              Import {plural(preview.rowCount, "idea")}
            </Button>
          ) : (
            <p className="text-sm">Nothing new to import.</p>
          )}
        </div>
      ) : null}
      {message ? (
        <Alert tone={message.tone} testId={`import-${message.tone}`}>
          {message.text}
        </Alert>
      ) : null}
    </div>
  );
}
