import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { E2E_DATABASE_PATH } from "./constants";
import type { SeededUser } from "./seed";

// Arena helpers that write straight into the e2e database: a judge account, and extra study roles.

function open() {
  const db = new Database(E2E_DATABASE_PATH, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

/** Gives an existing user a role in a study. */
export function seedStudyRole({ studyId, userId, role }: { studyId: string; userId: string; role: string }) {
  const db = open();
  try {
    db.prepare(
      "INSERT INTO memberships (id, study_id, user_id, role, created_at) VALUES (?, ?, ?, ?, ?)",
    ).run(randomUUID(), studyId, userId, role, Date.now());
  } finally {
    db.close();
  }
}

/** A new user who holds the judge role in the study. */
export function seedJudge({ studyId }: { studyId: string }): SeededUser {
  const tag = randomUUID().slice(0, 6);
  const user: SeededUser = {
    id: randomUUID(),
    name: `Judge ${tag}`,
    email: `judge-${tag}@e2e.example.org`,
    password: "judge-pass-e2e-1",
  };
  const db = open();
  try {
    const now = Date.now();
    db.prepare(
      "INSERT INTO users (id, email, name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(user.id, user.email, user.name, bcrypt.hashSync(user.password, 4), now, now);
  } finally {
    db.close();
  }
  seedStudyRole({ studyId, userId: user.id, role: "judge" });
  return user;
}
