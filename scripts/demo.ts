// npm run demo — seeds two clearly labelled demo studies (one finished through every stage, one in
// writing; see scripts/lib/demo-study.ts) with demo users, and prints their passwords.
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { addStudyRoles, listStudiesForUser } from "@/db/queries/studies";
import { getUserByEmail, insertUser, setUserFlags, updateUserPassword } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { generateToken } from "@/lib/auth/tokens";
import { getEnv } from "@/lib/env";
import type { StudyRole } from "@/lib/studies/types";
import { createDemoStudies, DEMO_STUDY_TITLE, DEMO_WRITING_TITLE } from "./lib/demo-study";
import { ensureAuthSecret, loadDotEnv } from "./lib/load-env";

const DEMO_USERS: { key: string; name: string; roles: StudyRole[]; admin?: boolean }[] = [
  { key: "admin", name: "Demo Admin", roles: [], admin: true },
  { key: "organizer", name: "Demo Organizer", roles: ["organizer"] },
  { key: "writer", name: "Demo Writer", roles: ["writer"] },
  { key: "writer-2", name: "Demo Writer Two", roles: ["writer"] },
  { key: "reviewer", name: "Demo Reviewer", roles: ["reviewer"] },
  ...[2, 3, 4, 5, 6].map((n) => ({
    key: `reviewer-${n}`,
    name: `Demo Reviewer ${n}`,
    roles: ["reviewer"] as StudyRole[],
  })),
  { key: "judge", name: "Demo Judge", roles: ["judge"] },
  { key: "judge-2", name: "Demo Judge Two", roles: ["judge"] },
];

async function main() {
  loadDotEnv();
  ensureAuthSecret();
  migrateDatabase(getDb());
  const printed: string[] = [];
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const email = `demo-${u.key}@example.org`;
    // Fresh passwords every run, so a demo seeded on a shared machine is not left with a known password.
    const password = `demo-${generateToken().slice(0, 12)}`;
    const passwordHash = await hashPassword(password);
    const existing = getUserByEmail({ email });
    if (existing) {
      updateUserPassword({ userId: existing.id, passwordHash });
      ids[u.key] = existing.id;
    } else {
      ids[u.key] = insertUser({
        email,
        name: u.name,
        passwordHash,
        isAdmin: !!u.admin,
        canCreateStudies: !!u.admin,
      }).id;
    }
    if (u.key === "organizer") setUserFlags({ userId: ids[u.key]!, canCreateStudies: true });
    printed.push(`  ${u.name.padEnd(15)} ${email.padEnd(28)} ${password}`);
  }
  const started = performance.now();
  const existing = listStudiesForUser({ userId: ids.organizer! }).find((st) => st.title === DEMO_STUDY_TITLE);
  if (!existing) {
    const byRole = (role: StudyRole) =>
      DEMO_USERS.filter((u) => u.roles.includes(role)).map((u) => ids[u.key]!);
    createDemoStudies(
      {
        organizerId: ids.organizer!,
        writerIds: byRole("writer"),
        reviewerIds: byRole("reviewer"),
        judgeIds: byRole("judge"),
      },
      (studyId) => {
        for (const u of DEMO_USERS) addStudyRoles({ studyId, userId: ids[u.key]!, roles: u.roles });
      },
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  getDb().$client.close();

  console.log(
    existing
      ? `Demo studies already present in ${getEnv().DATABASE_PATH}; passwords renewed.`
      : `Demo data ready in ${getEnv().DATABASE_PATH} (studies seeded in ${seconds} s): “${DEMO_STUDY_TITLE}” and “${DEMO_WRITING_TITLE}”.`,
  );
  console.log("Demo accounts (passwords are new on every run):");
  console.log(printed.join("\n"));
  console.log("Start the app with `npm start` and sign in as any of them.");
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
