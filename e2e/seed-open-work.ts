import { runSeeder } from "./run-seeder";

// Unfinished work seeded into the e2e database through e2e/seeders/open-work.ts: an open assignment
// (published, no review), planned phase dates, an undecided rewrite, a consent text.

/** A published assignment of this idea to this reviewer with no review yet; returns its id. */
export function seedOpenAssignment(args: { studyId: string; ideaId: string; reviewerId: string }): string {
  return runSeeder("openAssignment", args);
}

export function seedPhaseDates(
  studyId: string,
  dates: Record<string, { opensAt?: number; closesAt?: number }>,
) {
  runSeeder("phaseDates", { studyId, dates });
}

/** Puts a rewrite with these fields on an idea and leaves its decision open (as after a job run). */
export function seedUndecidedRewrite(ideaId: string, fields: Record<string, string>) {
  runSeeder("undecidedRewrite", { ideaId, fields });
}

export function seedConsentText(studyId: string, text: string) {
  runSeeder("consentText", { studyId, text });
}
