import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { memberships, type SessionRow, sessions, type User, users } from "../schema";
import type { Executor } from "./study-shared";

// Server-side sessions: the JWT names a row here (server/auth/auth.ts), and server/auth/session.ts
// accepts it only while the row is unrevoked and the account enabled.

export type RevokeReason = "sign_out" | "admin" | "no_roles" | "disabled";

export function createSession({ userId }: { userId: string }): SessionRow {
  return withDbErrors(() => getDb().insert(sessions).values({ userId }).returning().get());
}

/** The account behind a live session, in one statement; undefined when revoked, unknown or disabled. */
export function getSessionAccount({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): User | undefined {
  return withDbErrors(() =>
    getDb()
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.id, sessionId),
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          isNull(users.disabledAt),
        ),
      )
      .get(),
  )?.user;
}

export function revokeSession({ sessionId, reason }: { sessionId: string; reason: RevokeReason }) {
  withDbErrors(() =>
    getDb()
      .update(sessions)
      .set({ revokedAt: Date.now(), revokedReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .run(),
  );
}

/** Ends every live session of the user (inside the caller's transaction when given); returns how many. */
export function revokeUserSessions(
  { userId, reason }: { userId: string; reason: RevokeReason },
  ex: Executor = getDb(),
): number {
  return withDbErrors(
    () =>
      ex
        .update(sessions)
        .set({ revokedAt: Date.now(), revokedReason: reason })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
        .run().changes,
  );
}

/** After a member lost roles: with no role in any study and no instance rights, their sessions end. */
export function revokeSessionsIfRoleless(ex: Executor, userId: string): number {
  const user = ex.select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.isAdmin || user.canCreateStudies) return 0;
  const roles =
    ex.select({ n: count() }).from(memberships).where(eq(memberships.userId, userId)).get()?.n ?? 0;
  return roles === 0 ? revokeUserSessions({ userId, reason: "no_roles" }, ex) : 0;
}

/** Disables (or re-enables) an account; disabling ends its sessions in the same transaction. */
export function setAccountDisabled({
  userId,
  actorId,
  disabled,
}: {
  userId: string;
  actorId: string;
  disabled: boolean;
}): { sessionsEnded: number } {
  if (disabled && userId === actorId) {
    throw new AppError("conflict:disable_self", "You cannot disable your own account.");
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const user = tx.select().from(users).where(eq(users.id, userId)).get();
        if (!user) throw new AppError("not_found:user", "This user does not exist.");
        tx.update(users)
          .set({ disabledAt: disabled ? (user.disabledAt ?? Date.now()) : null, updatedAt: Date.now() })
          .where(eq(users.id, userId))
          .run();
        return { sessionsEnded: disabled ? revokeUserSessions({ userId, reason: "disabled" }, tx) : 0 };
      },
      { behavior: "immediate" },
    ),
  );
}

/** Admin: ends every session of a user (they must sign in again on every device). */
export function endAllSessions({ userId }: { userId: string }): number {
  const db = getDb();
  return withDbErrors(() =>
    db.transaction((tx) => {
      const user = tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
      if (!user) throw new AppError("not_found:user", "This user does not exist.");
      return revokeUserSessions({ userId, reason: "admin" }, tx);
    }),
  );
}
