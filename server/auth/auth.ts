import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { authConfig } from "./auth.config";
import { verifyCredentials } from "./credentials";

export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}

function clientIp(request: Request | undefined): string {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || "unknown";
}

// A function config so AUTH_SECRET is read at request time, not when `next build` imports this file.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getEnv().AUTH_SECRET,
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
          throw e;
        }
      },
    }),
  ],
}));
