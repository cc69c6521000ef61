import { seedArenaPairs } from "./arena";
import { seedIdeationReview, seedIdeationStudy } from "./ideation";
import { seedAcceptedText } from "./layout";
import { seedConsentText, seedOpenAssignment, seedPhaseDates, seedUndecidedRewrite } from "./open-work";
import { seedJudge, seedOrganizer, seedStudyRole } from "./people";
import { seedResultsStudy, seedSubmittedReview } from "./results";
import { seedReviewerProfile, seedReviewStudy } from "./review-study";
import { seedWritingStudy } from "./writing-study";

// Every seeder scripts/e2e-seed.ts can run, by name. They use the app's db/queries and db/testing, so
// they run in a tsx process with the react-server condition, never inside the Playwright runner.
export const SEEDERS = {
  reviewStudy: seedReviewStudy,
  reviewerProfile: seedReviewerProfile,
  resultsStudy: seedResultsStudy,
  submittedReview: seedSubmittedReview,
  studyRole: seedStudyRole,
  judge: seedJudge,
  organizer: seedOrganizer,
  arenaPairs: seedArenaPairs,
  openAssignment: seedOpenAssignment,
  phaseDates: seedPhaseDates,
  undecidedRewrite: seedUndecidedRewrite,
  consentText: seedConsentText,
  writingStudy: seedWritingStudy,
  acceptedText: seedAcceptedText,
  ideationStudy: seedIdeationStudy,
  ideationReview: seedIdeationReview,
};

export type SeederName = keyof typeof SEEDERS;
export type SeederArgs<N extends SeederName> = Parameters<(typeof SEEDERS)[N]>[0];
export type SeederResult<N extends SeederName> = ReturnType<(typeof SEEDERS)[N]>;
