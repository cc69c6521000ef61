import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { addStudyRoles } from "@/db/queries/studies";
import { users } from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "@/db/testing/fixtures";
import type { StudyRole } from "@/lib/studies/types";
import type { SeededUser } from "../seed-data";

// People for the e2e tests: accounts made with the unit tests' fixture (a fixed fast hash of
// TEST_PASSWORD) and given study roles through the app's own membership query.

export function seedUser(opts: { name: string; email: string; institution?: string }): SeededUser {
  const user = makeUser({ name: opts.name, email: opts.email });
  // Stated on the account, as a person does on the sign-up page (the crawls look for it too).
  if (opts.institution)
    getDb().update(users).set({ institution: opts.institution }).where(eq(users.id, user.id)).run();
  return { id: user.id, name: user.name, email: user.email, password: TEST_PASSWORD };
}

/** Gives an existing user a role in a study. */
export function seedStudyRole({
  studyId,
  userId,
  role,
}: {
  studyId: string;
  userId: string;
  role: StudyRole;
}): null {
  addStudyRoles({ studyId, userId, roles: [role] });
  return null;
}

/** A new user who holds the judge role in the study. */
export function seedJudge({ studyId }: { studyId: string }): SeededUser {
  const tag = crypto.randomUUID().slice(0, 6);
  const user = seedUser({ name: `Judge ${tag}`, email: `judge-${tag}@e2e.example.org` });
  addStudyRoles({ studyId, userId: user.id, roles: ["judge"] });
  return user;
}

/** A new user who may create studies and organizes this one, without being an admin. */
export function seedOrganizer({ studyId }: { studyId: string }): SeededUser {
  const tag = crypto.randomUUID().slice(0, 6);
  const user = makeUser({
    name: `Organizer ${tag}`,
    email: `organizer-${tag}@e2e.example.org`,
    canCreateStudies: true,
  });
  addStudyRoles({ studyId, userId: user.id, roles: ["organizer"] });
  return { id: user.id, name: user.name, email: user.email, password: TEST_PASSWORD };
}
