import { beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { addStudyRoles } from "@/db/queries/studies";
import { recordConsent, updateStudyDetails } from "@/db/queries/study-setup";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { AppError } from "@/lib/errors";
import { checkGuard, type GuardStudy } from "./check-guard";

function statusOf(fn: () => unknown): number | "ok" {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
}

/** The refusal's error code, or "ok" when the guard lets the caller through. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe("checkGuard", () => {
  beforeEach(() => resetTestDb());

  it("401 without a session", () => {
    expect(statusOf(() => checkGuard({ spec: {}, user: null }))).toBe(401);
  });

  it("403 for a non-admin on an admin action, ok for an admin", () => {
    const user = makeUser();
    const admin = makeUser({ isAdmin: true });
    expect(statusOf(() => checkGuard({ spec: { admin: true }, user }))).toBe(403);
    expect(statusOf(() => checkGuard({ spec: { admin: true }, user: admin }))).toBe("ok");
  });

  it("404 for a missing study, a malformed id, and a study the user is not in", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const stranger = makeUser();
    const study = makeStudy({ organizer });
    const spec = { study: { roles: "member" as const } };
    expect(statusOf(() => checkGuard({ spec, user: organizer, studyId: crypto.randomUUID() }))).toBe(404);
    expect(statusOf(() => checkGuard({ spec, user: organizer, studyId: "1 OR 1=1" }))).toBe(404);
    expect(statusOf(() => checkGuard({ spec, user: stranger, studyId: study.id }))).toBe(404);
    expect(statusOf(() => checkGuard({ spec, user: organizer, studyId: study.id }))).toBe("ok");
  });

  it("403 for a member without the needed role; admins count as organizers", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const reviewer = makeUser();
    const admin = makeUser({ isAdmin: true });
    const study = makeStudy({ organizer });
    addStudyRoles({ studyId: study.id, userId: reviewer.id, roles: ["reviewer"] });
    const spec = { study: { roles: ["organizer"] as const } };
    expect(statusOf(() => checkGuard({ spec, user: reviewer, studyId: study.id }))).toBe(403);
    const ctx = checkGuard({ spec, user: admin, studyId: study.id });
    expect(ctx.roles).toContain("organizer");
    expect(
      checkGuard({ spec: { study: { roles: ["reviewer"] } }, user: reviewer, studyId: study.id }).roles,
    ).toEqual(["reviewer"]);
  });

  it("400 with a message per field, only after authorization passed", () => {
    const user = makeUser();
    const schema = z.object({
      title: z.string().min(3, "Too short."),
      count: z.number({ error: "Not a number." }),
    });
    try {
      checkGuard({ spec: { schema }, user, input: { title: "x", count: "seven" } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(400);
      expect((e as AppError).fieldErrors).toEqual({ title: ["Too short."], count: ["Not a number."] });
    }
    // A stranger with bad input learns only that they are not signed in.
    expect(statusOf(() => checkGuard({ spec: { schema }, user: null, input: {} }))).toBe(401);
    expect(checkGuard({ spec: { schema }, user, input: { title: "abc", count: 3 } }).input).toEqual({
      title: "abc",
      count: 3,
    });
  });

  it("403 when the account may not create studies", () => {
    expect(statusOf(() => checkGuard({ spec: { studyCreator: true }, user: makeUser() }))).toBe(403);
    expect(
      statusOf(() =>
        checkGuard({ spec: { studyCreator: true }, user: makeUser({ canCreateStudies: true }) }),
      ),
    ).toBe("ok");
  });

  it("types the study non-null when the spec names one, and null when it does not", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    const named = checkGuard({
      spec: { study: { roles: ["organizer"] } },
      user: organizer,
      studyId: study.id,
    });
    expectTypeOf(named.study).toEqualTypeOf<GuardStudy>();
    expect(named.study.id).toBe(study.id);
    const unnamed = checkGuard({ spec: {}, user: organizer, studyId: study.id });
    expectTypeOf(unnamed.study).toEqualTypeOf<null>();
    expect(unnamed.study).toBeNull();
    // A spec built elsewhere and spread keeps the narrowing.
    const member = { study: { roles: "member" as const, consent: true } };
    const spread = checkGuard({
      spec: { ...member, schema: z.object({}) },
      user: organizer,
      studyId: study.id,
      input: {},
    });
    expectTypeOf(spread.study).toEqualTypeOf<GuardStudy>();
    expect(spread.study.id).toBe(study.id);
  });

  describe("consent option", () => {
    function studyWithConsent() {
      const organizer = makeUser({ canCreateStudies: true });
      const study = makeStudy({ organizer });
      updateStudyDetails({
        studyId: study.id,
        actorId: organizer.id,
        title: study.title,
        description: "",
        instructions: "",
        consentText: "Your ideas are used for research.",
      });
      const writer = makeUser();
      addStudyRoles({ studyId: study.id, userId: writer.id, roles: ["writer"] });
      return { organizer, study, writer };
    }
    const spec = { study: { roles: ["writer", "organizer"] as const, consent: true } };

    it("refuses a participant who has not accepted the consent text, and allows them after", () => {
      const { study, writer } = studyWithConsent();
      expect(statusOf(() => checkGuard({ spec, user: writer, studyId: study.id }))).toBe(403);
      expect(codeOf(() => checkGuard({ spec, user: writer, studyId: study.id }))).toBe("forbidden:consent");
      // Without the option the same person passes: consent is asked only where the spec says so.
      expect(
        statusOf(() =>
          checkGuard({ spec: { study: { roles: ["writer"] } }, user: writer, studyId: study.id }),
        ),
      ).toBe("ok");
      recordConsent({ studyId: study.id, userId: writer.id });
      expect(statusOf(() => checkGuard({ spec, user: writer, studyId: study.id }))).toBe("ok");
    });

    it("exempts organizers and admins; a study without consent text asks nothing", () => {
      const { organizer, study } = studyWithConsent();
      expect(statusOf(() => checkGuard({ spec, user: organizer, studyId: study.id }))).toBe("ok");
      const admin = makeUser({ isAdmin: true });
      expect(statusOf(() => checkGuard({ spec, user: admin, studyId: study.id }))).toBe("ok");
      const plain = makeStudy({ organizer });
      const writer = makeUser();
      addStudyRoles({ studyId: plain.id, userId: writer.id, roles: ["writer"] });
      expect(statusOf(() => checkGuard({ spec, user: writer, studyId: plain.id }))).toBe("ok");
    });

    it("runs after the role check and before input validation", () => {
      const { study, writer } = studyWithConsent();
      const judgeOnly = { study: { roles: ["judge"] as const, consent: true } };
      expect(codeOf(() => checkGuard({ spec: judgeOnly, user: writer, studyId: study.id }))).toBe(
        "forbidden:study_role",
      );
      const withSchema = { ...spec, schema: z.object({ title: z.string() }) };
      expect(codeOf(() => checkGuard({ spec: withSchema, user: writer, studyId: study.id, input: {} }))).toBe(
        "forbidden:consent",
      );
      recordConsent({ studyId: study.id, userId: writer.id });
      expect(codeOf(() => checkGuard({ spec: withSchema, user: writer, studyId: study.id, input: {} }))).toBe(
        "invalid:input",
      );
    });
  });
});
