"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { uploadFile } from "@/components/upload-file";
import { plural } from "@/lib/format";
import { REVIEW_IMPORT_MAX_BYTES } from "@/lib/ideas/import-limits";

type Outcome = { tone: "success" | "error"; text: string } | null;

/** Uploads a tidy CSV as a file and imports it in one server call: all rows, or none. */
export function ReviewImportPanel({ studyId, columns }: { studyId: string; columns: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [createMissingIdeas, setCreateMissingIdeas] = useState(false);
  const [allowShort, setAllowShort] = useState(false);

  async function upload(file: File | undefined) {
    setOutcome(null);
    if (!file) return;
    setBusy(file.name);
    try {
      const params = new URLSearchParams();
      if (allowShort) params.set("allowShortRationales", "1");
      if (createMissingIdeas) params.set("createMissingIdeas", "1");
      const query = params.size > 0 ? `?${params}` : "";
      const res = await uploadFile<{
        added: number;
        unchanged: number;
        ideasCreated: number;
        topicsCreated: number;
      }>({
        url: `/api/studies/${studyId}/reviews/import${query}`,
        file,
        maxBytes: REVIEW_IMPORT_MAX_BYTES,
        label: "review file",
      });
      if (!res.ok) {
        setOutcome({ tone: "error", text: res.message });
        return;
      }
      const { added, unchanged, ideasCreated, topicsCreated } = res.data;
      const made =
        ideasCreated + topicsCreated > 0
          ? ` Created ${plural(ideasCreated, "placeholder idea")} and ${plural(topicsCreated, "topic")}.`
          : "";
      setOutcome({
        tone: "success",
        text: `Imported ${plural(added, "review")}; ${unchanged} ${unchanged === 1 ? "was" : "were"} already there.${made}`,
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
        <code>&lt;metric&gt;_rationale</code>) are optional. Only <code>idea_id</code>, <code>condition</code>{" "}
        and the metric columns are required: without <code>review_id</code> rows are named by file and line,
        and without reviewer ids the reviewer-level test is skipped.
      </p>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          data-testid="review-import-create-ideas"
          checked={createMissingIdeas}
          onChange={(e) => setCreateMissingIdeas(e.target.checked)}
          className="mt-1"
        />
        <span>
          Create missing ideas: an <code>idea_id</code> this study lacks becomes a placeholder idea with the
          row&apos;s topic and condition (missing topics are added; conditions must exist). Placeholders are
          never shown to reviewers or judges.
        </span>
      </label>
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
