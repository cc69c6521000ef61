import type { StudyRole } from "@/lib/studies/types";
import { runSeeder } from "./run-seeder";
import type { SeededUser } from "./seed-data";

// Arena helpers (e2e/seeders/arena.ts): a judge account, and extra study roles.

/** Gives an existing user a role in a study. */
export function seedStudyRole(args: { studyId: string; userId: string; role: StudyRole }) {
  runSeeder("studyRole", args);
}

/** A new user who holds the judge role in the study. */
export function seedJudge(args: { studyId: string }): SeededUser {
  return runSeeder("judge", args);
}
