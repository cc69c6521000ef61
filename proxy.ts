import { type NextRequest, NextResponse } from "next/server";

// Routing only: people without a session cookie go to sign-in. The session itself is verified where
// data is touched (server/auth/session.ts). Deliberately not Auth.js's `auth()` wrapper: it re-issues the
// session cookie on every request, and a prefetch answered just after sign-out would sign the person back in.
const PUBLIC_PREFIXES = ["/signin", "/setup", "/invite", "/api"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export default function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  const hasSession = req.cookies
    .getAll()
    .some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (!hasSession) {
    const url = new URL("/signin", req.nextUrl);
    if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

// Files from public/ (icons, robots.txt) and Next's assets never reach the proxy: the sign-in page needs
// its icons, and a crawler without a session must be able to read robots.txt's "Disallow: /".
// /api is left out: it is public here anyway (route handlers check the session themselves), and a
// request the proxy sees has its body buffered and cut at 10 MB, which broke 20 MB review uploads.
// A request that carries a session cookie would only be passed on, so the router skips the proxy for
// it (`missing`: the proxy runs only when neither cookie is there); a chunked cookie (`name.0`) still
// reaches the proxy, which lets it through. Saves the proxy's request adapter on every signed-in request.
export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)",
      // Literals: Next reads this config statically. The names are SESSION_COOKIES'.
      missing: [
        { type: "cookie", key: "authjs.session-token" },
        { type: "cookie", key: "__Secure-authjs.session-token" },
      ],
    },
  ],
};
