import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./columns";

export const users = sqliteTable("users", {
  id: id(),
  /** Always stored lower-cased and trimmed. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Stated by the person; reviewer assignment never pairs a reviewer with an author of the same one. */
  institution: text("institution").notNull().default(""),
  isAdmin: integer("is_admin", { mode: "boolean" }).notNull().default(false),
  /** Granted by an admin or an instance invitation: may create studies (and organizes them). */
  canCreateStudies: integer("can_create_studies", { mode: "boolean" }).notNull().default(false),
  /** Sessions issued before this moment are rejected (set on password change). */
  sessionsValidAfter: timestamp("sessions_valid_after").notNull().default(0),
  /** Set by an admin: the account cannot sign in and its sessions are ended. */
  disabledAt: timestamp("disabled_at"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at")
    .notNull()
    .$defaultFn(() => Date.now()),
});
export type User = typeof users.$inferSelect;

/** Failed sign-in counters, keyed "account:<email>" or "ip:<address>". */
export const authThrottle = sqliteTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at").notNull(),
  lockedUntil: timestamp("locked_until"),
});
export type AuthThrottle = typeof authThrottle.$inferSelect;

/**
 * One row per sign-in. The session cookie (a JWT) carries the row's id; a request is signed in only
 * while the row exists unrevoked, so sign-out, an admin, removal from every study or disabling the
 * account ends a copied cookie at once instead of when the JWT expires.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at"),
    /** sign_out | admin | no_roles | disabled | password */
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
export type SessionRow = typeof sessions.$inferSelect;
