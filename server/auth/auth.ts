import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { authConfig } from "./auth.config";
import { verifyCredentials } from "./credentials";
import { endSignedOutSession, exposeSession, startSession } from "./session-lifecycle";

export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}

export class DisabledSignin extends CredentialsSignin {
  code = "account_disabled";
}

/**
 * scripts/serve.ts replaces X-Forwarded-For with the one address the socket and TRUSTED_PROXY vouch
 * for (server/http/client-address.ts), so it is the client here; under `next dev` it is whatever was sent.
 */
function clientIp(request: Request | undefined): string {
  return request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

// A function config so AUTH_SECRET is read at request time, not when `next build` imports this file.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getEnv().AUTH_SECRET,
  callbacks: { ...authConfig.callbacks, jwt: startSession, session: exposeSession },
  events: { signOut: endSignedOutSession },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          return await verifyCredentials({
            email: credentials?.email,
            password: credentials?.password,
            ip: clientIp(request),
          });
        } catch (e) {
          if (isAppError(e) && e.type === "rate_limited") throw new RateLimitedSignin(e.message);
          if (isAppError(e) && e.code === "forbidden:account_disabled") throw new DisabledSignin(e.message);
          throw e;
        }
      },
    }),
  ],
}));
