import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getSessionAccount } from "@/db/queries/sessions";
import type { SessionUser } from "@/lib/auth/types";
import { getEnv } from "@/lib/env";
import { readSessionClaims } from "./session-token";

/**
 * The signed-in user, re-read from the database on every request so role changes apply at once. The
 * token must name a live session row (revoked on sign-out, by an admin, on losing every role, on
 * disabling the account): a copied cookie stops working when its session ends, not when it expires.
 * Once per request (React cache); the token is read by session-token.ts, not Auth.js's `auth()`.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await readSessionClaims((await cookies()).getAll(), getEnv().AUTH_SECRET);
  if (!claims) return null;
  const user = getSessionAccount({ sessionId: claims.sessionId, userId: claims.userId });
  if (!user) return null;
  if (claims.issuedAt * 1000 < user.sessionsValidAfter) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    canCreateStudies: user.canCreateStudies || user.isAdmin,
  };
});
