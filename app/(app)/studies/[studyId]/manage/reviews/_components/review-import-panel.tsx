"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { uploadFile } from "@/components/upload-file";
import { REVIEW_IMPORT_MAX_BYTES } from "@/lib/ideas/import-limits";

type Outcome = { tone: "success" | "error"; text: string } | null;

const reviewsWord = (n: number) => `${n} review${n === 1 ? "" : "s"}`;

/** Uploads a tidy CSV as a file and imports it in one server call: all rows, or none. */
export function ReviewImportPanel({ studyId, columns }: { studyId: string; columns: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [allowShort, setAllowShort] = useState(false);

  async function upload(file: File | undefined) {
    setOutcome(null);
    if (!file) return;
    setBusy(file.name);
    try {
      const res = await uploadFile<{ added: number; unchanged: number }>({
        url: `/api/studies/${studyId}/reviews/import${allowShort ? "?allowShortRationales=1" : ""}`,
        file,
        maxBytes: REVIEW_IMPORT_MAX_BYTES,
        label: "review file",
      });
      if (!res.ok) {
        setOutcome({ tone: "error", text: res.message });
        return;
      }
      const { added, unchanged } = res.data;
      setOutcome({
        tone: "success",
        text: `Imported ${reviewsWord(added)}; ${unchanged} ${unchanged === 1 ? "was" : "were"} already there.`,
      });
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-3" data-testid="review-import">
      <p className="text-xs text-[var(--foreground-soft)]">
        A CSV in the same tidy format as the export, one row per review, with the header{" "}
        <code className="break-all">{columns}</code>. <code>idea_id</code> may be the idea&apos;s id or its
        code, <code>topic</code> may be empty, empty cells are missing values, and rationale columns (
        <code>&lt;metric&gt;_rationale</code>) are optional.
      </p>
      <p className="text-xs text-[var(--foreground-soft)]">
        Every row is checked first: a file with any bad row imports nothing, and importing the same file again
        changes nothing. Imported reviews count as submitted and lock the review form.
      </p>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={allowShort}
          onChange={(e) => setAllowShort(e.target.checked)}
          data-testid="review-import-allow-short"
        />
        <span>
          Allow rationales shorter than the form&apos;s minimum (external data collected with other rules;
          recorded on the import)
        </span>
      </label>
      <label className="block space-y-1 text-sm">
        <span className="font-medium">Review file (CSV)</span>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="review-import-file"
          disabled={busy !== null}
          onChange={(e) => {
            const picked = e.target.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) is noticed.
            e.target.value = "";
            void upload(picked);
          }}
          className="block text-sm"
        />
      </label>
      {busy ? (
        <p className="text-sm" role="status" data-testid="review-import-busy">
          Importing {busy}…
        </p>
      ) : null}
      {outcome?.tone === "success" ? (
        <Alert tone="success" testId="review-import-result">
          {outcome.text}
        </Alert>
      ) : null}
      {outcome?.tone === "error" ? (
        <Alert tone="error" testId="review-import-error">
          {outcome.text}
        </Alert>
      ) : null}
    </div>
  );
}
