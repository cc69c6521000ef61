import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getInvitationState, type InvitationView } from "@/lib/auth/invitations";
import { AppError } from "@/lib/errors";
import type { StudyRole } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { type Invitation, invitations, memberships, studies, users } from "../schema";
import { emailTaken } from "./users";

export function insertInvitation(input: {
  tokenHash: string;
  studyId: string | null;
  roles: string[];
  email: string | null;
  note: string | null;
  createdBy: string;
  expiresAt: number;
}): Invitation {
  return withDbErrors(() => getDb().insert(invitations).values(input).returning().get());
}

/** Several invitations in one transaction: all are created or none. */
export function insertInvitations(rows: Parameters<typeof insertInvitation>[0][]): Invitation[] {
  return withDbErrors(() =>
    getDb().transaction((tx) => rows.map((row) => tx.insert(invitations).values(row).returning().get())),
  );
}

export function getInvitationByTokenHash({ tokenHash }: { tokenHash: string }) {
  return withDbErrors(() =>
    getDb()
      .select({
        invitation: invitations,
        studyTitle: studies.title,
      })
      .from(invitations)
      .leftJoin(studies, eq(studies.id, invitations.studyId))
      .where(eq(invitations.tokenHash, tokenHash))
      .get(),
  );
}

export function listInvitations({ studyId }: { studyId?: string | null }): InvitationView[] {
  const now = Date.now();
  const creator = getDb()
    .$with("creator")
    .as(getDb().select({ id: users.id, name: users.name }).from(users));
  const rows = withDbErrors(() =>
    getDb()
      .with(creator)
      .select({
        invitation: invitations,
        studyTitle: studies.title,
        createdByName: creator.name,
        usedByEmail: users.email,
      })
      .from(invitations)
      .leftJoin(studies, eq(studies.id, invitations.studyId))
      .innerJoin(creator, eq(creator.id, invitations.createdBy))
      .leftJoin(users, eq(users.id, invitations.usedBy))
      .where(
        studyId === undefined
          ? undefined
          : studyId === null
            ? isNull(invitations.studyId)
            : eq(invitations.studyId, studyId),
      )
      .orderBy(desc(invitations.createdAt))
      .all(),
  );
  return rows.map(({ invitation: { tokenHash: _t, createdBy: _c, usedBy: _u, ...inv }, ...rest }) => ({
    ...inv,
    ...rest,
    state: getInvitationState(inv, now),
  }));
}

export function revokeInvitation({
  invitationId,
  studyId,
}: {
  invitationId: string;
  studyId?: string | null;
}) {
  const res = withDbErrors(() =>
    getDb()
      .update(invitations)
      .set({ revokedAt: Date.now() })
      .where(
        and(
          eq(invitations.id, invitationId),
          isNull(invitations.usedAt),
          isNull(invitations.revokedAt),
          studyId === undefined
            ? undefined
            : studyId === null
              ? isNull(invitations.studyId)
              : eq(invitations.studyId, studyId),
        ),
      )
      .run(),
  );
  if (res.changes !== 1) throw new AppError("not_found:invitation", "No open invitation with this id.");
}

export type InvitationRedeemer =
  | { userId: string }
  | { newUser: { email: string; name: string; passwordHash: string } };

/**
 * Marks the invitation used and grants its roles, creating the account first when the person has none,
 * all in one transaction: a second redemption of the same token (two tabs, a replayed request) finds it
 * used and changes nothing, and a failed redemption leaves no half-made account behind.
 */
export function consumeInvitation({
  invitationId,
  redeemer,
  studyRoles,
  grantAdmin,
  grantStudyCreation,
  now = Date.now(),
}: {
  invitationId: string;
  redeemer: InvitationRedeemer;
  studyRoles: { studyId: string; roles: StudyRole[] } | null;
  grantAdmin: boolean;
  grantStudyCreation: boolean;
  now?: number;
}): { userId: string } {
  const db = getDb();
  return withDbErrors(
    () =>
      db.transaction(
        (tx) => {
          const userId =
            "userId" in redeemer
              ? redeemer.userId
              : tx
                  .insert(users)
                  .values({ ...redeemer.newUser, email: redeemer.newUser.email.trim().toLowerCase() })
                  .returning({ id: users.id })
                  .get().id;
          const res = tx
            .update(invitations)
            .set({ usedAt: now, usedBy: userId })
            .where(
              and(
                eq(invitations.id, invitationId),
                isNull(invitations.usedAt),
                isNull(invitations.revokedAt),
                gt(invitations.expiresAt, now),
              ),
            )
            .run();
          if (res.changes !== 1) {
            throw new AppError(
              "conflict:invitation_used",
              "This invitation has already been used or is no longer valid.",
            );
          }
          if (studyRoles && studyRoles.roles.length > 0) {
            tx.insert(memberships)
              .values(studyRoles.roles.map((role) => ({ studyId: studyRoles.studyId, userId, role })))
              .onConflictDoNothing()
              .run();
          }
          if (grantAdmin || grantStudyCreation) {
            tx.update(users)
              .set({
                ...(grantAdmin ? { isAdmin: true } : {}),
                canCreateStudies: true,
                updatedAt: now,
              })
              .where(eq(users.id, userId))
              .run();
          }
          return { userId };
        },
        { behavior: "immediate" },
      ),
    { map: { "UNIQUE constraint failed: users.email": emailTaken } },
  );
}
