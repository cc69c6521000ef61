import "server-only";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { createSession, revokeSession } from "@/db/queries/sessions";

// The Auth.js callbacks that tie the session cookie to a row in `sessions` (db/queries/sessions.ts).
// The edge-safe config (auth.config.ts) cannot touch the database, so these replace its callbacks
// in the Node server only.

export type AppSession = Session & { issuedAt?: number; sessionId?: string };

/** jwt callback: a sign-in (user present) opens a session row and puts its id in the token. */
export function startSession({ token, user }: { token: JWT; user?: { id?: string } }): JWT {
  if (user?.id) {
    token.sub = user.id;
    token.sid = createSession({ userId: user.id }).id;
  }
  return token;
}

/** session callback: what getSessionUser needs from the token. */
export function exposeSession({ session, token }: { session: Session; token: JWT }): AppSession {
  if (token.sub && session.user) session.user.id = token.sub;
  const out = session as AppSession;
  // Lets the server reject sessions issued before a password change.
  out.issuedAt = typeof token.iat === "number" ? token.iat : 0;
  out.sessionId = typeof token.sid === "string" ? token.sid : undefined;
  return out;
}

/** signOut event: the cookie is cleared in this browser, and the row revoked for every copy of it. */
export function endSignedOutSession(message: { token?: JWT | null } | { session?: unknown }) {
  const sid = "token" in message ? message.token?.sid : undefined;
  if (typeof sid === "string") revokeSession({ sessionId: sid, reason: "sign_out" });
}
