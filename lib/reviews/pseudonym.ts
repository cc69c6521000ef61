import { createHmac, randomBytes } from "node:crypto";

// Reviewer pseudonyms for exports: a keyed hash of the user id with a random per-study salt, so the
// same reviewer gets the same id in every export of one study, different ids across studies, and
// nobody without the database can link a pseudonym back to a person.

export function newPseudonymSalt(): string {
  return randomBytes(32).toString("hex");
}

export function pseudonymizeReviewer({ salt, userId }: { salt: string; userId: string }): string {
  return `R-${createHmac("sha256", salt).update(userId).digest("hex").slice(0, 12)}`;
}
