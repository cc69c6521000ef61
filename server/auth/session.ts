import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/types";
import { sessionUserFromCookies } from "./session-user";

/**
 * The signed-in user of this request (session-user.ts says what is checked). Once per request (React
 * cache); the token is read by session-token.ts, not Auth.js's `auth()`.
 */
export const getSessionUser = cache(
  async (): Promise<SessionUser | null> => sessionUserFromCookies((await cookies()).getAll()),
);
