import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { AppError } from "@/lib/errors";
import { addStudyRoles, getStudyRoles, removeStudyRoles } from "./studies";

beforeEach(() => {
  resetTestDb();
});

describe("removeStudyRoles", () => {
  it("never removes the study's last organizer, and changes nothing when it refuses", () => {
    const organizer = makeUser();
    const study = makeStudy({ organizer });
    addStudyRoles({ studyId: study.id, userId: organizer.id, roles: ["reviewer"] });
    const refused = (() => {
      try {
        removeStudyRoles({ studyId: study.id, userId: organizer.id });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "conflict:last_organizer",
      message: "A study needs at least one organizer.",
    });
    expect(getStudyRoles({ studyId: study.id, userId: organizer.id }).sort()).toEqual([
      "organizer",
      "reviewer",
    ]);
  });

  it("removes an organizer while another one remains, and other roles of the last one", () => {
    const first = makeUser();
    const second = makeUser();
    const study = makeStudy({ organizer: first });
    addStudyRoles({ studyId: study.id, userId: first.id, roles: ["judge"] });
    addStudyRoles({ studyId: study.id, userId: second.id, roles: ["organizer"] });
    removeStudyRoles({ studyId: study.id, userId: first.id, roles: ["organizer"] });
    expect(getStudyRoles({ studyId: study.id, userId: first.id })).toEqual(["judge"]);
    removeStudyRoles({ studyId: study.id, userId: first.id, roles: ["judge"] });
    expect(getStudyRoles({ studyId: study.id, userId: first.id })).toEqual([]);
    expect(() => removeStudyRoles({ studyId: study.id, userId: second.id, roles: ["organizer"] })).toThrow(
      "A study needs at least one organizer.",
    );
  });
});
