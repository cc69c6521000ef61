import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { addStudyRoles } from "@/db/queries/studies";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { AppError } from "@/lib/errors";
import { checkGuard } from "./check-guard";

function statusOf(fn: () => unknown): number | "ok" {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.status;
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
});
