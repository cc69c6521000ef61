import "server-only";
import { getSessionAccount } from "@/db/queries/sessions";
import type { CookiePair } from "@/lib/auth/cookie-header";
import type { SessionUser } from "@/lib/auth/types";
import { getEnv } from "@/lib/env";
import { readSessionClaims } from "./session-token";

/**
 * The user a request's cookies sign in, re-read from the database so role changes apply at once. The
 * token must name a live session row (revoked on sign-out, by an admin, on losing every role, on
 * disabling the account): a copied cookie stops working when its session ends, not when it expires.
 * No Next imports: pages and actions reach this through getSessionUser (session.ts), the fast routes
 * that scripts/serve.ts answers before Next call it with the request's Cookie header.
 */
export async function sessionUserFromCookies(cookies: readonly CookiePair[]): Promise<SessionUser | null> {
  const claims = await readSessionClaims(cookies, getEnv().AUTH_SECRET);
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
}
