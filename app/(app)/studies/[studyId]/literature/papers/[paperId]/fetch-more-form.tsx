"use client";

import { ActionForm } from "@/components/action-form";
import { fetchMoreAction } from "../../actions";

export function FetchMoreForm({ studyId, paperId }: { studyId: string; paperId: string }) {
  return (
    <ActionForm
      action={fetchMoreAction}
      submitLabel="Fetch references and citations"
      pendingLabel="Fetching…"
      testId="fetch-more"
      success={(r: { fetched: number; inserted: number; edgesAdded: number; unresolved: number }) =>
        `Fetched ${r.fetched} papers (${r.inserted} new to this study), ${r.edgesAdded} new citation edges, ${r.unresolved} unresolved references.`
      }
    >
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="paperId" value={paperId} />
      <p className="text-sm text-[var(--foreground-soft)]">
        Adds one page of this paper&apos;s references and citing papers from the source to the study&apos;s
        corpus. Responses are cached; in offline mode only cached answers are used.
      </p>
      <label className="block text-sm font-medium" htmlFor="fetch-source">
        Source
      </label>
      <select
        id="fetch-source"
        name="source"
        className="rounded-md border border-[var(--border)] bg-[var(--background)] px-2 py-2 text-sm"
      >
        <option value="semantic_scholar">Semantic Scholar</option>
        <option value="openalex">OpenAlex</option>
      </select>
    </ActionForm>
  );
}
