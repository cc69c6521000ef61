import "server-only";

// Ideas: the writer's side (own ideas only, optimistic concurrency on every save), the organizer's
// side (tables, balance, import, export) and the normalization state the normalize-ideas job writes.
//
// Phases: writers start, save, submit and withdraw only while the study is in "writing" (in setup
// the template and topics may still change, and a draft would lock them). Imports are allowed in
// setup and writing. Normalization decisions are allowed in writing and normalization.
//
// This module only re-exports; the queries live in ideas-writer, ideas-submission, ideas-organizer,
// ideas-import and ideas-normalization. Private helpers shared by them are in ideas-shared.

export { commitIdeaImport, existingExternalIds, type ImportResult, type ImportRow } from "./ideas-import";
export {
  getIdeaForNormalization,
  getTextForReview,
  type IdeaForNormalization,
  listIdeaIdsForNormalization,
  type NormalizationDecision,
  reviewNormalization,
  saveNormalizationError,
  saveNormalizationResult,
  setNormalizationPending,
} from "./ideas-normalization";
export { acceptCleanRewrites } from "./ideas-normalization-bulk";
export {
  type BalanceCount,
  type BalanceTable,
  type ExportIdea,
  getBalanceTable,
  getIdeaForOrganizer,
  listIdeasForExport,
  listIdeasForOrganizer,
  type OrganizerIdea,
  type OrganizerIdeaDetail,
} from "./ideas-organizer";
export { submitIdea, withdrawIdea } from "./ideas-submission";
export {
  type AuthorIdea,
  createDraftIdea,
  getIdeaForAuthor,
  type IdeaConflict,
  type IdeaVersionView,
  listIdeasForAuthor,
  listIdeaVersions,
  type SaveIdeaResult,
  saveIdeaDraft,
} from "./ideas-writer";
