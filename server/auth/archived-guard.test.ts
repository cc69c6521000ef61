import { beforeEach, describe, expect, it } from "vitest";
import { setStudyArchived } from "@/db/queries/study-lifecycle";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { AppError } from "@/lib/errors";
import { checkGuard } from "./check-guard";
import { createInvitationLink } from "./invitations";

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe("checkGuard on an archived study", () => {
  beforeEach(() => resetTestDb());

  it("lets reads through, refuses writes with 409 unless the spec allows archived studies", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    const spec = { study: { roles: ["organizer"] as const } };
    const unarchive = { study: { roles: ["organizer"] as const, allowArchived: true } };
    const guard = (s: typeof spec | typeof unarchive, write: boolean) =>
      codeOf(() => checkGuard({ spec: s, user: organizer, studyId: study.id, write }));
    expect(guard(spec, true)).toBe("ok");
    setStudyArchived({ studyId: study.id, actor: organizer, archived: true });
    expect(guard(spec, false)).toBe("ok");
    expect(guard(spec, true)).toBe("conflict:study_archived");
    expect(guard(unarchive, true)).toBe("ok");
    setStudyArchived({ studyId: study.id, actor: organizer, archived: false });
    expect(guard(spec, true)).toBe("ok");
  });

  it("refuses an admin's invitation into an archived study (that path has no study guard)", () => {
    const admin = makeUser({ isAdmin: true });
    const study = makeStudy({ organizer: admin });
    const invite = () =>
      createInvitationLink({ actor: admin, input: { studyId: study.id, roles: ["reviewer"] } });
    expect(codeOf(invite)).toBe("ok");
    setStudyArchived({ studyId: study.id, actor: admin, archived: true });
    expect(codeOf(invite)).toBe("conflict:study_archived");
  });
});
