// npm run demo — seeds a clearly labelled demo study with demo users and prints their passwords.
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { addStudyRoles, createStudy, listStudiesForUser } from "@/db/queries/studies";
import { getUserByEmail, insertUser, setUserFlags, updateUserPassword } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { generateToken } from "@/lib/auth/tokens";
import { getEnv } from "@/lib/env";
import type { StudyRole } from "@/lib/studies/types";
import { ensureAuthSecret, loadDotEnv } from "./lib/load-env";

const DEMO_STUDY_TITLE = "[DEMO] Can LLMs generate novel research ideas? (pilot)";
const DEMO_DESCRIPTION =
  "DEMO DATA — a sample study created by `npm run demo` so you can look around. It is not real research; delete it when you start your own.";

const DEMO_USERS: { key: string; name: string; roles: StudyRole[]; admin?: boolean }[] = [
  { key: "admin", name: "Demo Admin", roles: [], admin: true },
  { key: "organizer", name: "Demo Organizer", roles: ["organizer"] },
  { key: "writer", name: "Demo Writer", roles: ["writer"] },
  { key: "reviewer", name: "Demo Reviewer", roles: ["reviewer"] },
  { key: "judge", name: "Demo Judge", roles: ["judge"] },
];

async function main() {
  loadDotEnv();
  ensureAuthSecret();
  migrateDatabase(getDb());
  const printed: string[] = [];
  const accounts: { userId: string; roles: StudyRole[] }[] = [];
  let organizerId: string | undefined;
  for (const u of DEMO_USERS) {
    const email = `demo-${u.key}@example.org`;
    // Fresh passwords every run, so a demo seeded on a shared machine is not left with a known password.
    const password = `demo-${generateToken().slice(0, 12)}`;
    const passwordHash = await hashPassword(password);
    const existing = getUserByEmail({ email });
    let userId: string;
    if (existing) {
      updateUserPassword({ userId: existing.id, passwordHash });
      userId = existing.id;
    } else {
      userId = insertUser({
        email,
        name: u.name,
        passwordHash,
        isAdmin: !!u.admin,
        canCreateStudies: !!u.admin,
      }).id;
    }
    if (u.key === "organizer") {
      setUserFlags({ userId, canCreateStudies: true });
      organizerId = userId;
    }
    accounts.push({ userId, roles: u.roles });
    printed.push(`  ${u.name.padEnd(15)} ${email.padEnd(28)} ${password}`);
  }
  if (organizerId === undefined) throw new Error("DEMO_USERS must include the organizer account");
  let study = listStudiesForUser({ userId: organizerId }).find((s) => s.title === DEMO_STUDY_TITLE);
  if (!study) {
    const created = createStudy({
      title: DEMO_STUDY_TITLE,
      description: DEMO_DESCRIPTION,
      createdBy: organizerId,
      isDemo: true,
    });
    study = { ...created, roles: ["organizer"] };
  }
  for (const { userId, roles } of accounts) addStudyRoles({ studyId: study.id, userId, roles });
  getDb().$client.close();

  console.log(`Demo data ready in ${getEnv().DATABASE_PATH}: the study “${DEMO_STUDY_TITLE}”.`);
  console.log("Demo accounts (passwords are new on every run):");
  console.log(printed.join("\n"));
  console.log("Start the app with `npm start` and sign in as any of them.");
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
