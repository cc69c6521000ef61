import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getStudyRoles } from "@/db/queries/studies";
import { getUserByEmail } from "@/db/queries/users";
import { invitations, users } from "@/db/schema";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { hashToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { createInvitationLink, inspectInvitation, redeemInvitation } from "./invitations";

const DAY = 24 * 60 * 60 * 1000;
const newAccount = (email: string) => ({ email, name: "New Person", password: "a-strong-pass-42" });

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    if (typeof p === "function") p();
    else await p;
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe("invitation lifecycle", () => {
  beforeEach(() => resetTestDb());

  it("stores only the token's hash and redeems once into the right study", async () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    const { token, path } = createInvitationLink({
      actor: organizer,
      input: { studyId: study.id, roles: ["reviewer", "judge"] },
    });
    expect(path).toBe(`/invite/${token}`);
    const rows = getDb().select().from(invitations).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    const { userId } = await redeemInvitation({
      token,
      studyId: study.id,
      user: null,
      newAccount: newAccount("new@example.org"),
    });
    expect(getStudyRoles({ studyId: study.id, userId })).toEqual(["reviewer", "judge"]);
    expect(
      await codeOf(
        redeemInvitation({
          token,
          studyId: study.id,
          user: null,
          newAccount: newAccount("other@example.org"),
        }),
      ),
    ).toBe("conflict:invitation_used");
    expect(getUserByEmail({ email: "other@example.org" })).toBeUndefined();
  });

  it("refuses an expired invitation and writes nothing", async () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    const now = Date.now();
    const { token } = createInvitationLink({
      actor: organizer,
      input: { studyId: study.id, roles: ["writer"], ttlDays: 1 },
      now,
    });
    expect(await codeOf(() => inspectInvitation({ token, now: now + DAY - 1 }))).toBe("ok");
    const later = now + DAY + 1;
    expect(
      await codeOf(
        redeemInvitation({
          token,
          studyId: study.id,
          user: null,
          newAccount: newAccount("late@example.org"),
          now: later,
        }),
      ),
    ).toBe("conflict:invitation_expired");
    expect(getDb().select().from(users).all()).toHaveLength(1);
  });

  it("refuses a token presented for another study", async () => {
    const organizer = makeUser({ canCreateStudies: true });
    const a = makeStudy({ organizer, title: "Study A" });
    const b = makeStudy({ organizer, title: "Study B" });
    const { token } = createInvitationLink({
      actor: organizer,
      input: { studyId: a.id, roles: ["reviewer"] },
    });
    const member = makeUser();
    expect(await codeOf(redeemInvitation({ token, studyId: b.id, user: member }))).toBe(
      "invalid:invitation_study",
    );
    expect(getStudyRoles({ studyId: b.id, userId: member.id })).toEqual([]);
    expect(getStudyRoles({ studyId: a.id, userId: member.id })).toEqual([]);
    // The same token still works for its own study afterwards.
    await redeemInvitation({ token, studyId: a.id, user: member });
    expect(getStudyRoles({ studyId: a.id, userId: member.id })).toEqual(["reviewer"]);
  });

  it("only lets a study's organizers (or admins) invite into it", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    const outsider = makeUser({ canCreateStudies: true });
    const reviewer = makeUser();
    getDb(); // same database
    expect(() =>
      createInvitationLink({ actor: outsider, input: { studyId: study.id, roles: ["reviewer"] } }),
    ).toThrow(expect.objectContaining({ code: "not_found:study" }));
    const { token } = createInvitationLink({
      actor: organizer,
      input: { studyId: study.id, roles: ["reviewer"] },
    });
    return redeemInvitation({ token, studyId: study.id, user: reviewer }).then(() => {
      expect(() =>
        createInvitationLink({ actor: reviewer, input: { studyId: study.id, roles: ["organizer"] } }),
      ).toThrow(expect.objectContaining({ code: "forbidden:study_role" }));
      expect(() => createInvitationLink({ actor: organizer, input: { roles: ["organizer"] } })).toThrow(
        expect.objectContaining({ code: "forbidden:admin" }),
      );
    });
  });

  it("validates roles for the kind of invitation", () => {
    const admin = makeUser({ isAdmin: true });
    expect(() => createInvitationLink({ actor: admin, input: { roles: ["reviewer"] } })).toThrow(
      expect.objectContaining({
        fieldErrors: { roles: [expect.stringContaining("Instance invitations can grant")] },
      }),
    );
    expect(() => createInvitationLink({ actor: admin, input: { roles: [] } })).toThrow(
      expect.objectContaining({ fieldErrors: { roles: ["Choose at least one role."] } }),
    );
  });

  it("an instance organizer invitation lets the new account create studies", async () => {
    const admin = makeUser({ isAdmin: true });
    const { token } = createInvitationLink({ actor: admin, input: { roles: ["organizer"] } });
    await redeemInvitation({ token, studyId: null, user: null, newAccount: newAccount("org@example.org") });
    const u = getUserByEmail({ email: "org@example.org" });
    expect(u?.canCreateStudies).toBe(true);
    expect(u?.isAdmin).toBe(false);
  });

  it("rejects unknown, revoked and email-bound tokens with their own messages", async () => {
    const admin = makeUser({ isAdmin: true });
    expect(await codeOf(() => inspectInvitation({ token: "x".repeat(43) }))).toBe("not_found:invitation");
    expect(await codeOf(() => inspectInvitation({ token: "short" }))).toBe("not_found:invitation");
    const { token, invitation } = createInvitationLink({
      actor: admin,
      input: { roles: ["organizer"], email: "only@example.org" },
    });
    expect(
      await codeOf(
        redeemInvitation({ token, studyId: null, user: null, newAccount: newAccount("someone@example.org") }),
      ),
    ).toBe("forbidden:invitation_email");
    expect(getUserByEmail({ email: "someone@example.org" })).toBeUndefined();
    const { revokeInvitation } = await import("@/db/queries/invitations");
    revokeInvitation({ invitationId: invitation.id });
    expect(await codeOf(() => inspectInvitation({ token }))).toBe("conflict:invitation_revoked");
  });
});
