import "server-only";
import { cache } from "react";
import { getSessionAccount } from "@/db/queries/sessions";
import type { SessionUser } from "@/lib/auth/types";
import { auth } from "./auth";
import type { AppSession } from "./session-lifecycle";

/**
 * The signed-in user, re-read from the database on every request so role changes apply at once. The
 * token must name a live session row (revoked on sign-out, by an admin, on losing every role, on
 * disabling the account): a copied cookie stops working when its session ends, not when it expires.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as AppSession | null;
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const user = getSessionAccount({ sessionId, userId });
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
