import type { NextAuthConfig } from "next-auth";

// Edge-safe part of the Auth.js config: no database, no password hashing. proxy.ts uses it to route.
export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      // Lets the server reject sessions issued before a password change.
      (session as typeof session & { issuedAt?: number }).issuedAt =
        typeof token.iat === "number" ? token.iat : 0;
      return session;
    },
  },
  logger: {
    // A wrong password is expected traffic, not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
} satisfies NextAuthConfig;
