"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeInvitation } from "@/db/queries/invitations";
import { removeStudyRoles } from "@/db/queries/studies";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { createInvitationLink } from "@/server/auth/invitations";

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
