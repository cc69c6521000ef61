import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../client";
import { sessions } from "../schema";
import { resetTestDb } from "../testing/db";
import { makeUser } from "../testing/fixtures";
import {
  createSession,
  getSessionAccount,
  pruneSessions,
  REVOKED_SESSION_RETENTION_MS,
  revokeSession,
  SESSION_MAX_AGE_MS,
} from "./sessions";

const DAY = 24 * 60 * 60 * 1000;
const ids = () =>
  getDb()
    .select({ id: sessions.id })
    .from(sessions)
    .all()
    .map((r) => r.id)
    .sort();

describe("session pruning", () => {
  beforeEach(() => resetTestDb());

  it("a sign-in deletes sessions revoked over a day ago and sessions older than a token lives, nothing else", () => {
    const user = makeUser();
    const now = Date.now();
    const live = createSession({ userId: user.id, now: now - 2 * DAY });
    const oldButLive = createSession({ userId: user.id, now: now - SESSION_MAX_AGE_MS + DAY });
    const expired = createSession({ userId: user.id, now: now - SESSION_MAX_AGE_MS - 1000 });
    const revokedLongAgo = createSession({ userId: user.id, now: now - 3 * DAY });
    const revokedJustNow = createSession({ userId: user.id, now: now - 3 * DAY });
    revokeSession({ sessionId: revokedLongAgo.id, reason: "sign_out" });
    revokeSession({ sessionId: revokedJustNow.id, reason: "admin" });
    getDb()
      .update(sessions)
      .set({ revokedAt: now - REVOKED_SESSION_RETENTION_MS - 1000 })
      .where(eq(sessions.id, revokedLongAgo.id))
      .run();
    expect(ids()).toHaveLength(5);

    const fresh = createSession({ userId: user.id, now });
    expect(ids()).toEqual([live.id, oldButLive.id, revokedJustNow.id, fresh.id].sort());
    expect(ids()).not.toContain(expired.id);
    expect(getSessionAccount({ sessionId: live.id, userId: user.id })?.id).toBe(user.id);
    expect(getSessionAccount({ sessionId: revokedJustNow.id, userId: user.id })).toBeUndefined();
    expect(pruneSessions(getDb(), now)).toBe(0);
  });
});
