"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeInvitation } from "@/db/queries/invitations";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { createInvitationLink } from "@/server/auth/invitations";

// The study field of this form is a choice, so the study check happens inside createInvitationLink.
export const createAdminInvitationAction = guardedAction({ admin: true }, ({ user, raw }) => {
  const { path, invitation } = createInvitationLink({ actor: user, input: raw });
  revalidatePath("/admin/invitations");
  return { path, expiresAt: invitation.expiresAt };
});

export const revokeAdminInvitationAction = guardedAction(
  { admin: true, schema: z.object({ invitationId: uuidSchema }) },
  ({ input }) => {
    revokeInvitation({ invitationId: input.invitationId });
    revalidatePath("/admin/invitations");
  },
);
