import "server-only";
import type { StudyRole } from "@/lib/studies/types";
import { readStudyAccess } from "./study-access";

/** Organizers (admins count as organizers) never need consent; others while it is pending. */
export function consentRequired(roles: readonly StudyRole[], consentPending: boolean): boolean {
  return !roles.includes("organizer") && consentPending;
}

/**
 * Participants accept the study's consent text before their first action; organizers (admins count
 * as organizers) are exempt. Actions check it through the guard's `study: { consent: true }`; pages
 * that render the consent form call this to decide what to show (after their guard, whose study read
 * this shares within a render).
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
  return consentRequired(roles, readStudyAccess(studyId, userId)?.consentPending ?? false);
}
