import "server-only";

// Study setup: settings, topics, conditions, template, phases, consent and the audit trail.
// Settings that would invalidate collected data are refused once data exists, with the reason, so
// the UI can show the same reason next to a disabled control (getSettingsLocks).
//
// This module only re-exports; the queries live in study-settings (settings, locks, defaults,
// details, template, audit trail), study-topics-conditions, and study-phases (phase dates, phase
// changes, consent). Private helpers shared by them are in study-shared.

export {
  advancePhase,
  consentPending,
  hasConsented,
  phaseDatesSchema,
  recordConsent,
  updatePhaseDates,
} from "./study-phases";
export {
  DEFAULT_CONDITIONS,
  ensureStudyDefaults,
  getSettingsLocks,
  getStudySettings,
  listStudyEvents,
  type SettingsLocks,
  type StudyDetailsInput,
  type StudyEventView,
  type StudySettings,
  studyDetailsSchema,
  updateIdeaTemplate,
  updateStudyDetails,
} from "./study-settings";
export type { Executor } from "./study-shared";
export {
  CONDITION_KEY_PATTERN,
  type ConditionInput,
  conditionsInputSchema,
  replaceConditions,
  replaceTopics,
  type TopicInput,
  topicsInputSchema,
} from "./study-topics-conditions";
