import type { StoredChainOptions } from "./stored";

// The chain page's edits, each a rebuild with changed options: remove a paper (excluded
// everywhere), pin a paper as an anchor (tried first; also how a paper is added), unpin, restore.

export const CHAIN_EDITS = ["rebuild", "exclude", "pin", "unpin", "restore"] as const;
export type ChainEdit = (typeof CHAIN_EDITS)[number];

/** At most this many pinned or excluded papers, so the options stay small. */
export const MAX_EDITED_PAPERS = 50;

const without = (ids: string[], id: string) => ids.filter((x) => x !== id);
const withId = (ids: string[], id: string) =>
  ids.includes(id) ? ids : [...ids, id].slice(-MAX_EDITED_PAPERS);

export function applyChainEdit(
  options: StoredChainOptions,
  edit: ChainEdit,
  paperId: string | null,
): StoredChainOptions {
  if (edit === "rebuild" || paperId === null) return options;
  const { pinnedAnchorIds: pinned, excludedIds: excluded } = options;
  switch (edit) {
    case "exclude":
      return {
        ...options,
        excludedIds: withId(excluded, paperId),
        pinnedAnchorIds: without(pinned, paperId),
      };
    case "pin":
      return {
        ...options,
        pinnedAnchorIds: withId(pinned, paperId),
        excludedIds: without(excluded, paperId),
      };
    case "unpin":
      return { ...options, pinnedAnchorIds: without(pinned, paperId) };
    case "restore":
      return { ...options, excludedIds: without(excluded, paperId) };
  }
}
