import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { endAllSessions, setAccountDisabled } from "@/db/queries/sessions";
import { addStudyRoles, removeStudyRoles } from "@/db/queries/studies";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import type { SessionUser } from "@/lib/auth/types";
import { getEnv } from "@/lib/env";
import { endSignedOutSession, startSession } from "./session-lifecycle";

// The cookie is built the way Auth.js builds it: the jwt callback at sign-in, then encrypted with
// Auth.js's own `encode` (the cookie name as salt) and read back through next/headers on each
// request. What a copied cookie can do after each way of ending a session is the point.
const cookie = vi.hoisted(() => ({ token: null as Record<string, unknown> | null }));
vi.mock("next/headers", () => ({
  cookies: async () => {
    const value = cookie.token
      ? await encode({
          token: cookie.token,
          secret: getEnv().AUTH_SECRET ?? "",
          salt: "authjs.session-token",
        })
      : undefined;
    return { getAll: () => (value ? [{ name: "authjs.session-token", value }] : []) };
  },
}));

const { getSessionUser } = await import("./session");

function signIn(user: SessionUser) {
  const token = startSession({ token: { iat: Math.floor(Date.now() / 1000) }, user: { id: user.id } });
  cookie.token = token;
  return { ...token } as { sid: string };
}

describe("server-side sessions", () => {
  beforeEach(() => {
    resetTestDb();
    cookie.token = null;
  });

  it("a signed-in cookie works; a copy of it stops working after sign-out", async () => {
    const user = makeUser();
    const copied = signIn(user);
    expect((await getSessionUser())?.id).toBe(user.id);
    endSignedOutSession({ token: copied as never });
    cookie.token = copied;
    expect(await getSessionUser()).toBeNull();
  });

  it("signing out one session leaves the person's other sessions alone", async () => {
    const user = makeUser();
    const laptop = signIn(user);
    const phone = signIn(user);
    endSignedOutSession({ token: laptop as never });
    cookie.token = phone;
    expect((await getSessionUser())?.id).toBe(user.id);
  });

  it("a token without a session id (or a forged one) is not signed in", async () => {
    const user = makeUser();
    cookie.token = { sub: user.id, iat: Math.floor(Date.now() / 1000) };
    expect(await getSessionUser()).toBeNull();
    cookie.token = { sub: user.id, sid: crypto.randomUUID(), iat: Math.floor(Date.now() / 1000) };
    expect(await getSessionUser()).toBeNull();
  });

  it("an admin ends all sessions of a user", async () => {
    const user = makeUser();
    const a = signIn(user);
    const b = signIn(user);
    expect(endAllSessions({ userId: user.id })).toBe(2);
    for (const token of [a, b]) {
      cookie.token = token;
      expect(await getSessionUser()).toBeNull();
    }
    signIn(user);
    expect((await getSessionUser())?.id).toBe(user.id);
  });

  it("disabling an account ends its sessions; enabling it does not bring them back", async () => {
    const admin = makeUser({ isAdmin: true });
    const user = makeUser();
    const token = signIn(user);
    expect(setAccountDisabled({ userId: user.id, actorId: admin.id, disabled: true })).toEqual({
      sessionsEnded: 1,
    });
    expect(await getSessionUser()).toBeNull();
    setAccountDisabled({ userId: user.id, actorId: admin.id, disabled: false });
    cookie.token = token;
    expect(await getSessionUser()).toBeNull();
    expect(() => setAccountDisabled({ userId: admin.id, actorId: admin.id, disabled: true })).toThrow(
      /your own account/,
    );
  });

  it("removing a member's last role ends their sessions; removing one of several does not", async () => {
    const organizer = makeUser();
    const study = makeStudy({ organizer });
    const other = makeStudy({ organizer, title: "Other" });
    const member = makeUser();
    addStudyRoles({ studyId: study.id, userId: member.id, roles: ["writer", "reviewer"] });
    addStudyRoles({ studyId: other.id, userId: member.id, roles: ["judge"] });
    signIn(member);
    removeStudyRoles({ studyId: study.id, userId: member.id, roles: ["writer"] });
    removeStudyRoles({ studyId: study.id, userId: member.id });
    expect((await getSessionUser())?.id).toBe(member.id);
    removeStudyRoles({ studyId: other.id, userId: member.id });
    expect(await getSessionUser()).toBeNull();
  });
});
