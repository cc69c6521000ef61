// An invitation as the pages show it, and the rule that decides its state; db/queries/invitations.ts
// reads them, server/auth/invitations.ts redeems them, components/invitation-table.tsx lists them.

export type InvitationState = "pending" | "used" | "expired" | "revoked";

export type InvitationView = {
  id: string;
  /** Null for an instance invitation. */
  studyId: string | null;
  studyTitle: string | null;
  roles: string[];
  email: string | null;
  note: string | null;
  createdByName: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedByEmail: string | null;
  revokedAt: number | null;
  state: InvitationState;
};

/** Revoked wins over used, used over expired: the state an organizer can still act on. */
export function getInvitationState(
  inv: { usedAt: number | null; revokedAt: number | null; expiresAt: number },
  now = Date.now(),
): InvitationState {
  if (inv.revokedAt) return "revoked";
  if (inv.usedAt) return "used";
  if (inv.expiresAt <= now) return "expired";
  return "pending";
}
