"use client";

import { useActionState, useState } from "react";
import { ActionForm, Field } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ExternalHit } from "@/lib/literature/types";
import { addExternalPaperAction, searchExternalAction } from "../actions";

const SOURCES = [
  ["semantic_scholar", "Semantic Scholar"],
  ["openalex", "OpenAlex"],
  ["arxiv", "arXiv"],
] as const;

function AddButton({
  studyId,
  source,
  query,
  hit,
}: {
  studyId: string;
  source: string;
  query: string;
  hit: ExternalHit;
}) {
  const [state, dispatch, pending] = useActionState(addExternalPaperAction, null);
  return (
    <form action={dispatch}>
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name="query" value={query} />
      <input type="hidden" name="key" value={hit.key} />
      {state?.ok ? (
        <span className="text-xs" data-testid="added">
          {state.data.added ? "Added" : "Already in the corpus"}
        </span>
      ) : (
        <Button type="submit" variant="secondary" disabled={pending} data-testid="add-paper">
          Add to study corpus
        </Button>
      )}
      {state && !state.ok ? <p className="text-xs text-red-700">{state.message}</p> : null}
    </form>
  );
}

/** Searches a remote source (through the cached connectors) and adds chosen papers to the study's corpus. */
export function ExternalSearch({ studyId }: { studyId: string }) {
  const [last, setLast] = useState({ source: "semantic_scholar", query: "" });
  return (
    <ActionForm
      action={async (prev: unknown, fd: FormData) => {
        setLast({ source: String(fd.get("source")), query: String(fd.get("query")) });
        return searchExternalAction(prev, fd);
      }}
      submitLabel="Search"
      pendingLabel="Asking the source…"
      testId="external-search"
      success={(r: { papers: ExternalHit[]; cached: boolean }) =>
        r.papers.length === 0 ? (
          <Alert tone="info">No results.</Alert>
        ) : (
          <ul className="space-y-2 text-sm">
            {r.cached ? (
              <li className="text-xs text-[var(--foreground-soft)]">From the response cache.</li>
            ) : null}
            {r.papers.map((hit) => (
              <li
                key={hit.key}
                className="flex items-start justify-between gap-2 border-t border-[var(--border)] pt-2"
              >
                <span>
                  {hit.paper.title}{" "}
                  <span className="text-[var(--foreground-soft)]">
                    ({hit.paper.year ?? "n.d."}
                    {hit.paper.venue ? `, ${hit.paper.venue}` : ""})
                  </span>
                </span>
                <AddButton studyId={studyId} source={last.source} query={last.query} hit={hit} />
              </li>
            ))}
          </ul>
        )
      }
    >
      <input type="hidden" name="studyId" value={studyId} />
      <label className="block text-sm font-medium" htmlFor="external-source">
        Source
      </label>
      <select
        id="external-source"
        name="source"
        className="rounded-md border border-[var(--border)] bg-[var(--background)] px-2 py-2 text-sm"
      >
        {SOURCES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <Field label="Query" name="query" />
    </ActionForm>
  );
}
