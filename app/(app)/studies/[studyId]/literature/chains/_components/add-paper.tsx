import { ActionForm, Field } from "@/components/action-form";
import { InlineAction } from "@/components/inline-action";
import { buttonClass } from "@/components/ui/button";
import type { PaperSummary } from "@/lib/literature/types";
import { rebuildChainAction } from "../actions";

/** Add a paper to the chains by pinning it as an anchor: found by a search of the study's literature, or by id. */
export function AddPaper({
  studyId,
  chainId,
  query,
  hits,
}: {
  studyId: string;
  chainId: string;
  query: string;
  hits: PaperSummary[] | null;
}) {
  return (
    <div className="space-y-3">
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Search papers to add">
        <label className="flex min-w-48 flex-1 flex-col text-sm">
          Search the study&apos;s literature
          <input
            name="q"
            defaultValue={query}
            className="rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm"
            data-testid="add-search-q"
          />
        </label>
        <button type="submit" className={buttonClass("secondary")} data-testid="add-search-submit">
          Search
        </button>
      </form>
      {hits ? (
        hits.length === 0 ? (
          <p className="text-sm">No paper matches.</p>
        ) : (
          <ul className="divide-y divide-[var(--border)] text-sm" data-testid="add-search-results">
            {hits.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
                <span>
                  {h.title} ({h.year ?? "year unknown"})
                </span>
                <InlineAction
                  action={rebuildChainAction}
                  fields={{ studyId, chainId, edit: "pin", paperId: h.id }}
                  label="Pin as anchor and rebuild"
                  testId="add-pin"
                />
              </li>
            ))}
          </ul>
        )
      ) : null}
      <ActionForm
        action={rebuildChainAction}
        submitLabel="Pin by id and rebuild"
        variant="secondary"
        testId="add-by-id"
      >
        <input type="hidden" name="studyId" value={studyId} />
        <input type="hidden" name="chainId" value={chainId} />
        <input type="hidden" name="edit" value="pin" />
        <Field label="Paper id" name="paperId" hint="The id in a paper page's address." />
      </ActionForm>
    </div>
  );
}
