import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./columns";
import { studies } from "./studies";
import { users } from "./users";

// Its own file because an invitation points at both a study and users: kept in users.ts it made
// users.ts and studies.ts import each other.

export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    /** sha256 of the token; the token itself exists only in the link. */
    tokenHash: text("token_hash").notNull().unique(),
    /** Null for an instance invitation (admin, or organizer = may create studies). */
    studyId: text("study_id").references(() => studies.id, { onDelete: "cascade" }),
    /** JSON array of role names. */
    roles: text("roles", { mode: "json" }).$type<string[]>().notNull(),
    /** Optional: only this email may redeem it. */
    email: text("email"),
    note: text("note"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    usedBy: text("used_by").references(() => users.id),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [
    index("invitations_study_idx").on(t.studyId),
    index("invitations_created_by_idx").on(t.createdBy),
    index("invitations_used_by_idx").on(t.usedBy),
  ],
);
export type Invitation = typeof invitations.$inferSelect;
