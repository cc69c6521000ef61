import "server-only";
import type { Session } from "next-auth";
import { cache } from "react";
import { getUserById } from "@/db/queries/users";
import type { SessionUser } from "@/lib/auth/types";
import { auth } from "./auth";

/** The signed-in user, re-read from the database on every request so role changes apply at once. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as (Session & { issuedAt?: number }) | null;
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = getUserById({ userId });
  if (!user) return null;
  if ((session.issuedAt ?? 0) * 1000 < user.sessionsValidAfter) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    canCreateStudies: user.canCreateStudies || user.isAdmin,
  };
});
