"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listStudyReviewers } from "@/db/queries/assignments-inputs";
import { reassignOpenAssignments } from "@/db/queries/assignments-withdraw";
import { getReviewDashboard, logReminder } from "@/db/queries/reviews-organizer";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatUtcDateTime, plural } from "@/lib/format";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { sendEmail } from "@/server/email/send";

const pagePath = (studyId: string) => `/studies/${studyId}/manage/reviews`;

const reassignSchema = z.object({
  fromReviewerId: z.uuid({ error: "Choose the reviewer whose open reviews should move." }),
  toReviewerId: z.uuid({ error: "Choose the reviewer who should take them." }),
});

/** Moves a reviewer's open reviews to another reviewer; pairs that would break a constraint stay. */
export const reassignAction = guardedAction(
  { study: { roles: ["organizer"] }, schema: reassignSchema },
  ({ study, user, input }) => {
    // The query checks the assignment rules but not withdrawal: a withdrawn reviewer gets no new reviews.
    const target = listStudyReviewers({ studyId: study.id }).find((r) => r.id === input.toReviewerId);
    if (target?.withdrawn) {
      const message = `${target.name} has withdrawn from reviewing; choose someone else.`;
      throw new AppError("invalid:reassign", message, { fieldErrors: { toReviewerId: [message] } });
    }
    const result = reassignOpenAssignments({
      studyId: study.id,
      actorId: user.id,
      fromReviewerId: input.fromReviewerId,
      toReviewerId: input.toReviewerId,
    });
    revalidatePath(pagePath(study.id));
    return result;
  },
);

/** Emails one reviewer a reminder with the link to their queue (only when SMTP is configured). */
export const sendReminderAction = guardedAction(
  {
    study: { roles: ["organizer"] },
    schema: z.object({ reviewerId: z.uuid({ error: "Choose a reviewer." }) }),
  },
  async ({ study, user, input }) => {
    const appUrl = getEnv().APP_URL;
    if (!appUrl) {
      throw new AppError("conflict:app_url", "Set APP_URL so the email can link to the app, then try again.");
    }
    const dashboard = getReviewDashboard({ studyId: study.id });
    const who = dashboard.toRemind.find((r) => r.id === input.reviewerId);
    if (!who) throw new AppError("not_found:reviewer", "This reviewer has no open reviews.");
    const reviews = plural(who.open, "review");
    const due = dashboard.dueAt ? ` Reviews are due ${formatUtcDateTime(dashboard.dueAt)}.` : "";
    await sendEmail({
      to: who.email,
      subject: `Reminder: ${reviews} to finish for “${study.title}”`,
      text: `Hello ${who.name},\n\nYou have ${reviews} still open in “${study.title}”${who.overdue > 0 ? ` (${who.overdue} overdue)` : ""}.${due}\n\nYour review queue: ${new URL(`/studies/${study.id}/review`, appUrl).toString()}\n\nThank you!\n`,
    });
    logReminder({ studyId: study.id, actorId: user.id, reviewerId: who.id });
    return `Reminder sent to ${who.email}.`;
  },
);
