import "server-only";
import { hasConsented } from "@/db/queries/study-setup";
import { AppError } from "@/lib/errors";

/** Participants accept the study's consent text before their first action; organizers are exempt. */
export function needsConsent({
  study,
  userId,
}: {
  study: { id: string; consentText: string };
  userId: string;
}): boolean {
  return study.consentText.trim() !== "" && !hasConsented({ studyId: study.id, userId });
}

export function assertConsented(args: { study: { id: string; consentText: string }; userId: string }) {
  if (needsConsent(args)) {
    throw new AppError("forbidden:consent", "Please read and accept the study's consent text first.");
  }
}
