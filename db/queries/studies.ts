import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { STUDY_ROLES, type StudyRole } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { preparedOnce } from "../prepared";
import {
  arenaSnapshots,
  conditions,
  memberships,
  resultSnapshots,
  type Study,
  studies,
  users,
} from "../schema";
import { revokeSessionsIfRoleless } from "./sessions";

export type StudyWithRoles = Pick<
  Study,
  "id" | "title" | "description" | "status" | "isDemo" | "createdAt" | "archivedAt"
> & {
  roles: StudyRole[];
};

const studyColumns = {
  id: studies.id,
  title: studies.title,
  description: studies.description,
  status: studies.status,
  isDemo: studies.isDemo,
  createdAt: studies.createdAt,
  /** Non-null while archived: the guard then refuses writes (see server/auth/check-guard.ts). */
  archivedAt: studies.archivedAt,
  createdBy: studies.createdBy,
};

/** The study list needs no creator id; the guard's study (getStudyById) does, for owner-only actions. */
const { createdBy: _createdBy, ...listColumns } = studyColumns;

const byRoleOrder = (a: StudyRole, b: StudyRole) => STUDY_ROLES.indexOf(a) - STUDY_ROLES.indexOf(b);

export function createStudy({
  title,
  description,
  createdBy,
  isDemo = false,
}: {
  title: string;
  description: string;
  createdBy: string;
  isDemo?: boolean;
}): Study {
  const db = getDb();
  return withDbErrors(() =>
    db.transaction((tx) => {
      const study = tx.insert(studies).values({ title, description, createdBy, isDemo }).returning().get();
      tx.insert(memberships).values({ studyId: study.id, userId: createdBy, role: "organizer" }).run();
      // The usual comparison: human-written ideas (the baseline) against AI ideas. Organizers rename or add.
      tx.insert(conditions)
        .values([
          { studyId: study.id, key: "Human", label: "Human-written", isBaseline: true, position: 0 },
          { studyId: study.id, key: "AI", label: "AI-generated", isBaseline: false, position: 1 },
        ])
        .run();
      return study;
    }),
  );
}

// The study list in the site header, on every page: prepared once (db/prepared.ts).
const studiesForUserQuery = preparedOnce((db) =>
  db
    .select({ ...listColumns, role: memberships.role })
    .from(memberships)
    .innerJoin(studies, eq(studies.id, memberships.studyId))
    .where(eq(memberships.userId, sql.placeholder("userId")))
    .orderBy(desc(studies.createdAt))
    .prepare(),
);

/** The studies the user is a member of, each with the user's roles in it. */
export function listStudiesForUser({ userId }: { userId: string }): StudyWithRoles[] {
  const rows = withDbErrors(() => studiesForUserQuery().all({ userId }));
  const byId = new Map<string, StudyWithRoles>();
  for (const { role, ...study } of rows) {
    const entry = byId.get(study.id) ?? { ...study, roles: [] };
    entry.roles.push(role);
    byId.set(study.id, entry);
  }
  for (const s of byId.values()) s.roles.sort(byRoleOrder);
  return [...byId.values()];
}

export function listAllStudies(): Pick<Study, "id" | "title">[] {
  return withDbErrors(() =>
    getDb().select({ id: studies.id, title: studies.title }).from(studies).orderBy(asc(studies.title)).all(),
  );
}

export function getStudyById({ studyId }: { studyId: string }) {
  return withDbErrors(() => getDb().select(studyColumns).from(studies).where(eq(studies.id, studyId)).get());
}

export function getStudyRoles({ studyId, userId }: { studyId: string; userId: string }): StudyRole[] {
  return withDbErrors(() =>
    getDb()
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.studyId, studyId), eq(memberships.userId, userId)))
      .all()
      .map((r) => r.role)
      .sort(byRoleOrder),
  );
}

export type StudyMember = {
  userId: string;
  name: string;
  email: string;
  roles: StudyRole[];
  joinedAt: number;
};

export function listStudyMembers({ studyId }: { studyId: string }): StudyMember[] {
  const rows = withDbErrors(() =>
    getDb()
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.studyId, studyId))
      .orderBy(asc(users.name))
      .all(),
  );
  const byUser = new Map<string, StudyMember>();
  for (const { role, joinedAt, ...u } of rows) {
    const m = byUser.get(u.userId) ?? { ...u, roles: [], joinedAt };
    m.roles.push(role);
    m.joinedAt = Math.min(m.joinedAt, joinedAt);
    byUser.set(u.userId, m);
  }
  for (const m of byUser.values()) m.roles.sort(byRoleOrder);
  return [...byUser.values()];
}

/** Adds roles a user does not hold yet; existing ones are left as they are. */
export function addStudyRoles({
  studyId,
  userId,
  roles,
}: {
  studyId: string;
  userId: string;
  roles: StudyRole[];
}) {
  if (roles.length === 0) return;
  withDbErrors(() =>
    getDb()
      .insert(memberships)
      .values(roles.map((role) => ({ studyId, userId, role })))
      .onConflictDoNothing()
      .run(),
  );
}

/** Removes a member's roles (all, or the given ones); never the study's last organizer. Someone without them is not_found. */
export function removeStudyRoles({
  studyId,
  userId,
  roles = [...STUDY_ROLES],
}: {
  studyId: string;
  userId: string;
  roles?: StudyRole[];
}) {
  const db = getDb();
  withDbErrors(() =>
    db.transaction(
      (tx) => {
        if (roles.includes("organizer")) {
          const organizers = tx
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(and(eq(memberships.studyId, studyId), eq(memberships.role, "organizer")))
            .all();
          if (organizers.length === 1 && organizers[0]?.userId === userId) {
            throw new AppError("conflict:last_organizer", "A study needs at least one organizer.");
          }
        }
        const removed = tx
          .delete(memberships)
          .where(
            and(
              eq(memberships.studyId, studyId),
              eq(memberships.userId, userId),
              inArray(memberships.role, roles),
            ),
          )
          .run();
        if (removed.changes === 0) {
          throw new AppError("not_found:member", "This person has none of these roles in this study.");
        }
        revokeSessionsIfRoleless(tx, userId);
      },
      { behavior: "immediate" },
    ),
  );
}

/** Whether results and the arena leaderboard have been published (members may then read them). */
// The study navigation's flags, on every study page: one prepared statement.
const publicationFlagsQuery = preparedOnce((db) =>
  db
    .select({
      results: sql<number>`exists (select 1 from ${resultSnapshots} where ${eq(resultSnapshots.studyId, sql.placeholder("studyId"))})`,
      leaderboard: sql<number>`exists (select 1 from ${arenaSnapshots} where ${eq(arenaSnapshots.studyId, sql.placeholder("studyId"))})`,
    })
    .from(sql`(select 1)`)
    .prepare(),
);

export function getPublicationFlags({ studyId }: { studyId: string }): {
  results: boolean;
  leaderboard: boolean;
} {
  const row = withDbErrors(() => publicationFlagsQuery().get({ studyId }));
  return { results: Boolean(row?.results), leaderboard: Boolean(row?.leaderboard) };
}
