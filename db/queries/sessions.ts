import "server-only";
import { and, count, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { preparedOnce } from "../prepared";
import { memberships, type SessionRow, sessions, type User, users } from "../schema";
import type { Executor } from "./study-shared";

// Server-side sessions: the JWT names a row here (server/auth/auth.ts), and server/auth/session.ts
// accepts it only while the row is unrevoked and the account enabled.

export type RevokeReason = "sign_out" | "admin" | "no_roles" | "disabled";

/** How long a session token lives (server/auth/auth.config.ts); older rows can name no valid token. */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Revoked rows are kept a day for anyone investigating a sign-out, then pruned. */
export const REVOKED_SESSION_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Opens a session row at sign-in, and in the same transaction deletes rows that can no longer be
 * used: revoked over a day ago, or created longer ago than a token lives. Sign-ins are rare next to
 * requests, so the pruning costs one small DELETE each and the table stays the size of live sessions.
 */
export function createSession({ userId, now = Date.now() }: { userId: string; now?: number }): SessionRow {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        pruneSessions(tx, now);
        return tx.insert(sessions).values({ userId, createdAt: now }).returning().get();
      },
      { behavior: "immediate" },
    ),
  );
}

/** Deletes sessions revoked more than a day ago or older than a token's lifetime; returns how many. */
export function pruneSessions(ex: Executor = getDb(), now = Date.now()): number {
  return ex
    .delete(sessions)
    .where(
      or(
        and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, now - REVOKED_SESSION_RETENTION_MS)),
        lt(sessions.createdAt, now - SESSION_MAX_AGE_MS),
      ),
    )
    .run().changes;
}

/** What getSessionUser needs of the account behind a session. */
export type SessionAccount = Pick<
  User,
  "id" | "email" | "name" | "isAdmin" | "canCreateStudies" | "sessionsValidAfter"
>;

// Runs on every request: prepared once (db/prepared.ts).
const sessionAccountQuery = preparedOnce((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      canCreateStudies: users.canCreateStudies,
      sessionsValidAfter: users.sessionsValidAfter,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        eq(sessions.userId, sql.placeholder("userId")),
        isNull(sessions.revokedAt),
        isNull(users.disabledAt),
      ),
    )
    .prepare(),
);

/** The account behind a live session, in one statement; undefined when revoked, unknown or disabled. */
export function getSessionAccount({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): SessionAccount | undefined {
  return withDbErrors(() => sessionAccountQuery().get({ sessionId, userId }));
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
