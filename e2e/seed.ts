import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { E2E_DATABASE_PATH } from "./constants";
import { ADMIN } from "./fixtures";

// Seeds a study that is ready for reviewing straight into the e2e database, so review tests start
// where the studies tests end (writing and normalization are covered by ideas.spec.ts). Names are
// distinctive on purpose: the blindness crawl searches every response for them.

export const SECRET = {
  authorName: "Wendeline Quarrington",
  authorEmail: "wendeline.quarrington@e2e.example.org",
  institution: "Zyxwv Institute of Secrecy",
  conditions: [
    { key: "HumanQx", label: "Human experts Qx" },
    { key: "AgentZq", label: "Agent ideas Zq" },
  ],
  originalMarker: "ORIGINALTEXTONLY",
};

export type SeededUser = { id: string; name: string; email: string; password: string };
export type SeededReviewStudy = {
  studyId: string;
  title: string;
  ideas: { id: string; code: string; condition: string; topic: string }[];
  reviewers: SeededUser[];
  author: SeededUser;
};

const CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const randomCode = () =>
  Array.from({ length: 6 }, () => CODE_CHARS[Math.floor(Math.random() * CODE_CHARS.length)]).join("");

export function seedReviewStudy({
  title,
  reviewerCount = 3,
  ideasPerCell = 3,
  status = "reviewing",
}: {
  title: string;
  reviewerCount?: number;
  ideasPerCell?: number;
  status?: string;
}): SeededReviewStudy {
  const db = new Database(E2E_DATABASE_PATH, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const now = Date.now();
  const tag = randomUUID().slice(0, 6);
  const hash = bcrypt.hashSync("review-pass-e2e-1", 4);
  try {
    return db.transaction(() => {
      const admin = db.prepare("SELECT id FROM users WHERE email = ?").get(ADMIN.email) as { id: string };
      const makeUser = (name: string, email: string, institution = ""): SeededUser => {
        const id = randomUUID();
        db.prepare(
          "INSERT INTO users (id, email, name, password_hash, institution, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ).run(id, email, name, hash, institution, now, now);
        return { id, name, email, password: "review-pass-e2e-1" };
      };
      const studyId = randomUUID();
      db.prepare(
        "INSERT INTO studies (id, title, status, created_by, review_settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ).run(studyId, title, status, admin.id, JSON.stringify({ loadMin: 2, loadMax: 10 }), now, now);
      const member = (userId: string, role: string) =>
        db
          .prepare("INSERT INTO memberships (id, study_id, user_id, role, created_at) VALUES (?, ?, ?, ?, ?)")
          .run(randomUUID(), studyId, userId, role, now);
      member(admin.id, "organizer");
      const topics = ["Reasoning", "Retrieval"].map((name, position) => {
        const id = randomUUID();
        db.prepare(
          "INSERT INTO topics (id, study_id, name, position, created_at) VALUES (?, ?, ?, ?, ?)",
        ).run(id, studyId, name, position, now);
        return { id, name };
      });
      const conditions = SECRET.conditions.map((c, position) => {
        const id = randomUUID();
        db.prepare(
          "INSERT INTO conditions (id, study_id, key, label, is_baseline, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ).run(id, studyId, c.key, c.label, position === 0 ? 1 : 0, position, now);
        return { id, key: c.key };
      });
      const author = makeUser(SECRET.authorName, `${tag}.${SECRET.authorEmail}`, SECRET.institution);
      member(author.id, "writer");
      const ideas: SeededReviewStudy["ideas"] = [];
      const usedCodes = new Set<string>();
      for (const topic of topics) {
        for (const condition of conditions) {
          for (let i = 0; i < ideasPerCell; i++) {
            const id = randomUUID();
            let code = randomCode();
            while (usedCodes.has(code)) code = randomCode();
            usedCodes.add(code);
            const human = condition.key === SECRET.conditions[0]?.key;
            const text = (kind: string) =>
              JSON.stringify({
                title: `${topic.name} idea ${i + 1} (${kind})`,
                problem: `A problem in ${topic.name.toLowerCase()} ${kind === "original" ? SECRET.originalMarker : "stated plainly"}.`,
                motivation: "Why it matters.",
                method: "A method.",
                experiment_plan: "1. Do it. 2. Measure it.",
                test_cases: "An example.",
                fallback: "Another way.",
              });
            db.prepare(
              `INSERT INTO ideas (id, study_id, code, topic_id, condition_id, author_id, provenance, status, fields,
                 normalized_fields, normalization_state, normalization_review, review_text_source, submitted_at, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, 'done', 'accepted', 'normalized', ?, ?, ?)`,
            ).run(
              id,
              studyId,
              code,
              topic.id,
              condition.id,
              human ? author.id : null,
              human ? "written" : "generated",
              text("original"),
              text("normalized"),
              now,
              now,
              now,
            );
            ideas.push({ id, code, condition: condition.key, topic: topic.name });
          }
        }
      }
      const reviewers = Array.from({ length: reviewerCount }, (_, i) => {
        const u = makeUser(`Reviewer ${tag} ${i + 1}`, `reviewer-${tag}-${i + 1}@e2e.example.org`);
        member(u.id, "reviewer");
        return u;
      });
      return { studyId, title, ideas, reviewers, author };
    })();
  } finally {
    db.close();
  }
}

/** Signs a reviewer up directly (topics, load range), for reviewers the test does not drive. */
export function seedReviewerProfile({
  studyId,
  userId,
  minLoad,
  maxLoad,
}: {
  studyId: string;
  userId: string;
  minLoad: number;
  maxLoad: number;
}) {
  const db = new Database(E2E_DATABASE_PATH, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    const topicIds = (
      db.prepare("SELECT id FROM topics WHERE study_id = ?").all(studyId) as { id: string }[]
    ).map((t) => t.id);
    const now = Date.now();
    db.prepare(
      `INSERT INTO reviewer_profiles (id, study_id, user_id, topic_ids, min_load, max_load, institution, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
    ).run(randomUUID(), studyId, userId, JSON.stringify(topicIds), minLoad, maxLoad, now, now);
  } finally {
    db.close();
  }
}
