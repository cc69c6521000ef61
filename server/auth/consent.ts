import "server-only";
import { consentPending } from "@/db/queries/study-setup";
import type { StudyRole } from "@/lib/studies/types";

/**
 * Participants accept the study's consent text before their first action; organizers (admins count
 * as organizers) are exempt. Actions check it through the guard's `study: { consent: true }`; pages
 * that render the consent form call this to decide what to show.
 */
export function needsConsent({
  studyId,
  userId,
  roles,
}: {
  studyId: string;
  userId: string;
  roles: readonly StudyRole[];
}): boolean {
  if (roles.includes("organizer")) return false;
  return consentPending({ studyId, userId });
}
