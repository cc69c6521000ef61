"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeInvitation } from "@/db/queries/invitations";
import { removeStudyRoles } from "@/db/queries/studies";
import { getEnv } from "@/lib/env";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { createInvitationBatch, emailInvitations } from "@/server/auth/invitation-batch";
import { createInvitationLink } from "@/server/auth/invitations";
import { isEmailConfigured } from "@/server/email/send";

export const createStudyInvitationAction = guardedAction(
  { study: { roles: ["organizer"] } },
  ({ user, study, raw }) => {
    const { path, invitation } = createInvitationLink({
      actor: user,
      input: { ...(raw as object), studyId: study?.id },
    });
    revalidatePath(`/studies/${study?.id}/members`);
    return { path, expiresAt: invitation.expiresAt };
  },
);

export const revokeStudyInvitationAction = guardedAction(
  { study: { roles: ["organizer"] }, schema: z.object({ invitationId: uuidSchema }) },
  ({ study, input }) => {
    revokeInvitation({ invitationId: input.invitationId, studyId: study.id });
    revalidatePath(`/studies/${study.id}/members`);
  },
);

export const removeMemberAction = guardedAction(
  { study: { roles: ["organizer"] }, schema: z.object({ userId: uuidSchema }) },
  ({ study, input }) => {
    // Their submitted work stays in the study, still attributed to them; only the roles go.
    removeStudyRoles({ studyId: study.id, userId: input.userId });
    revalidatePath(`/studies/${study.id}/members`);
  },
);

export type BulkInvitationResult = {
  roles: string[];
  repeated: number;
  /** Emailed addresses (no link: it went to its owner). */
  emailed: string[];
  /** Links to pass on by hand: all of them without email, else the ones whose email failed. */
  links: { email: string; path: string; expiresAt: number; problem?: string }[];
  /** Why the links were not emailed, when email is not set up. */
  notEmailed?: string;
};

/** Invites a pasted list of addresses at once; emails the links when SMTP and APP_URL are set. */
export const createBulkInvitationsAction = guardedAction(
  { study: { roles: ["organizer"] } },
  async ({ user, study, raw }): Promise<BulkInvitationResult> => {
    const batch = createInvitationBatch({
      actor: user,
      studyId: study.id,
      input: raw as Record<string, unknown>,
    });
    revalidatePath(`/studies/${study.id}/members`);
    const base = { roles: batch.roles, repeated: batch.repeated };
    const appUrl = getEnv().APP_URL;
    if (!isEmailConfigured() || !appUrl) {
      const notEmailed = isEmailConfigured()
        ? "Email is set up but APP_URL is not, so the links could not be put in an email."
        : "Email is not set up (SMTP_URL), so send these links yourself.";
      return { ...base, emailed: [], links: batch.invitations, notEmailed };
    }
    const delivered = await emailInvitations({
      invitations: batch.invitations,
      studyTitle: study.title,
      roles: batch.roles,
      inviterName: user.name,
      appUrl,
    });
    const problems = new Map(delivered.filter((d) => !d.sent).map((d) => [d.email, d.problem]));
    return {
      ...base,
      emailed: delivered.filter((d) => d.sent).map((d) => d.email),
      links: batch.invitations
        .filter((i) => problems.has(i.email))
        .map((i) => ({ ...i, problem: problems.get(i.email) })),
    };
  },
);
