import "server-only";
import { eq } from "drizzle-orm";
import { AppError, type FieldErrors } from "@/lib/errors";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { users } from "../schema";

// The name and institution everyone can set on the account page (writers are asked at consent). The
// institution is what the assignment's same-institution conflict compares, for authors and
// reviewers alike; a reviewer's sign-up may state another one for that study.

export type AccountProfile = { name: string; institution: string };

export function getAccountProfile({ userId }: { userId: string }): AccountProfile {
  return withDbErrors(() => {
    const row = getDb()
      .select({ name: users.name, institution: users.institution })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!row) throw new AppError("not_found:user", "This account does not exist.");
    return row;
  });
}

/** Saves the fields given (trimmed); a bad one is refused with its label and nothing is written. */
export function updateAccountProfile({
  userId,
  name,
  institution,
}: {
  userId: string;
  name?: string;
  institution?: string;
}): AccountProfile {
  const errors: FieldErrors = {};
  const cleanName = name?.trim();
  const cleanInstitution = institution?.trim();
  if (cleanName !== undefined && cleanName === "") errors.name = ["Name: enter your name."];
  if (cleanName !== undefined && cleanName.length > 100) errors.name = ["Name: at most 100 characters."];
  if (cleanInstitution !== undefined && cleanInstitution.length > 200)
    errors.institution = ["Institution: at most 200 characters."];
  if (Object.keys(errors).length > 0)
    throw new AppError("invalid:account", Object.values(errors).flat().join(" "), { fieldErrors: errors });
  return withDbErrors(() => {
    const set: Partial<typeof users.$inferInsert> = { updatedAt: Date.now() };
    if (cleanName !== undefined) set.name = cleanName;
    if (cleanInstitution !== undefined) set.institution = cleanInstitution;
    const changed = getDb().update(users).set(set).where(eq(users.id, userId)).run();
    if (changed.changes === 0) throw new AppError("not_found:user", "This account does not exist.");
    return getAccountProfile({ userId });
  });
}
