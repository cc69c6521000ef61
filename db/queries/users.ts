import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { type User, users } from "../schema";

export type PublicUser = Pick<
  User,
  "id" | "email" | "name" | "isAdmin" | "canCreateStudies" | "createdAt" | "disabledAt"
>;

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isAdmin: users.isAdmin,
  canCreateStudies: users.canCreateStudies,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
};

export const emailTaken = () =>
  new AppError("conflict:email", "An account with this email already exists.", {
    fieldErrors: { email: ["An account with this email already exists."] },
  });

export function countUsers(): number {
  return withDbErrors(() => getDb().select({ n: count() }).from(users).get()?.n ?? 0);
}

export function getUserById({ userId }: { userId: string }): User | undefined {
  return withDbErrors(() => getDb().select().from(users).where(eq(users.id, userId)).get());
}

export function getUserByEmail({ email }: { email: string }): User | undefined {
  return withDbErrors(() =>
    getDb().select().from(users).where(eq(users.email, email.trim().toLowerCase())).get(),
  );
}

export function listUsers(): PublicUser[] {
  return withDbErrors(() => getDb().select(publicColumns).from(users).orderBy(asc(users.createdAt)).all());
}

type NewUser = {
  email: string;
  name: string;
  passwordHash: string;
  isAdmin?: boolean;
  canCreateStudies?: boolean;
};

export function insertUser(input: NewUser): PublicUser {
  return withDbErrors(
    () =>
      getDb()
        .insert(users)
        .values({ ...input, email: input.email.trim().toLowerCase() })
        .returning(publicColumns)
        .get(),
    { map: { "UNIQUE constraint failed: users.email": emailTaken } },
  );
}

/** Creates the first admin only while no account exists; a second caller gets a conflict. */
export function createFirstAdmin(input: Omit<NewUser, "isAdmin" | "canCreateStudies">): PublicUser {
  const db = getDb();
  return withDbErrors(() =>
    db.transaction(
      (tx) => {
        const n = tx.select({ n: count() }).from(users).get()?.n ?? 0;
        if (n > 0) throw new AppError("conflict:setup_done", "Setup is already complete. Please sign in.");
        return tx
          .insert(users)
          .values({
            ...input,
            email: input.email.trim().toLowerCase(),
            isAdmin: true,
            canCreateStudies: true,
          })
          .returning(publicColumns)
          .get();
      },
      { behavior: "immediate" },
    ),
  );
}

export function updateUserPassword({ userId, passwordHash }: { userId: string; passwordHash: string }) {
  // Whole seconds, because JWT `iat` is in seconds: the session issued right after still counts as valid.
  const validAfter = Math.floor(Date.now() / 1000) * 1000;
  withDbErrors(() =>
    getDb()
      .update(users)
      .set({ passwordHash, sessionsValidAfter: validAfter, updatedAt: Date.now() })
      .where(eq(users.id, userId))
      .run(),
  );
}

export function setUserFlags({
  userId,
  isAdmin,
  canCreateStudies,
}: {
  userId: string;
  isAdmin?: boolean;
  canCreateStudies?: boolean;
}) {
  const db = getDb();
  withDbErrors(() =>
    db.transaction(
      (tx) => {
        const user = tx.select().from(users).where(eq(users.id, userId)).get();
        if (!user) throw new AppError("not_found:user", "This user does not exist.");
        if (isAdmin === false && user.isAdmin) {
          const admins = tx.select({ n: count() }).from(users).where(eq(users.isAdmin, true)).get()?.n ?? 0;
          if (admins <= 1)
            throw new AppError("conflict:last_admin", "The last admin cannot lose the admin role.");
        }
        tx.update(users)
          .set({
            ...(isAdmin === undefined ? {} : { isAdmin }),
            ...(canCreateStudies === undefined ? {} : { canCreateStudies }),
            updatedAt: Date.now(),
          })
          .where(eq(users.id, userId))
          .run();
      },
      { behavior: "immediate" },
    ),
  );
}
