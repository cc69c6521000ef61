import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { Lru } from "@/lib/lru";

// Reads the Auth.js session cookie without running Auth.js's whole session action. `auth()` with no
// arguments (pages, server actions) derives a key and decrypts the token, runs the callbacks, then
// derives again and encrypts a refreshed token whose Set-Cookie it throws away: about 1 ms of crypto
// per request for nothing. Here the token is decrypted with Auth.js's own `decode` (same secret, the
// cookie name as salt, the same 15 s clock tolerance) and the result is kept in a small in-memory map
// keyed by the exact cookie value: the value is authenticated ciphertext, so the same string always
// decrypts to the same claims. Expiry is checked again on every read. Whether the session is still
// live (not revoked, account enabled) is checked in the database on every request (session.ts).

/** Auth.js's cookie names: the __Secure- one on https, the plain one on http. Each is its own salt. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export type SessionClaims = { userId: string; sessionId: string; issuedAt: number };

type Cookie = { name: string; value: string };

const CLOCK_TOLERANCE_MS = 15_000;
const CACHE_SIZE = 5000;
const decoded = new Lru<string, JWT>(CACHE_SIZE);
let cacheSecret: string | undefined;

/** The cookie's value, joining Auth.js's chunks (`name.0`, `name.1`, …) when it was split. */
export function sessionCookieValue(cookies: readonly Cookie[], name: string): string | undefined {
  const whole = cookies.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .map((c) => ({
      c,
      i: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : Number.NaN,
    }))
    .filter(({ i }) => Number.isInteger(i) && i >= 0)
    .sort((a, b) => a.i - b.i);
  return chunks.length > 0 ? chunks.map(({ c }) => c.value).join("") : undefined;
}

async function decodeCached(token: string, salt: string, secret: string): Promise<JWT | null> {
  if (cacheSecret !== secret) {
    decoded.clear();
    cacheSecret = secret;
  }
  const key = `${salt}\n${token}`;
  const hit = decoded.get(key);
  if (hit) return hit;
  let payload: JWT | null;
  try {
    payload = await decode({ token, secret, salt });
  } catch {
    return null; // forged, truncated, expired or from another secret: not signed in (never cached)
  }
  if (!payload) return null;
  decoded.set(key, payload);
  return payload;
}

/** The claims getSessionUser needs, or null without a valid, unexpired session token. */
export async function readSessionClaims(
  cookies: readonly Cookie[],
  secret: string | undefined,
  now = Date.now(),
): Promise<SessionClaims | null> {
  if (!secret) return null;
  for (const name of SESSION_COOKIE_NAMES) {
    const token = sessionCookieValue(cookies, name);
    if (!token) continue;
    const payload = await decodeCached(token, name, secret);
    if (!payload) return null;
    if (typeof payload.exp === "number" && payload.exp * 1000 + CLOCK_TOLERANCE_MS < now) return null;
    const { sub, sid, iat } = payload;
    if (typeof sub !== "string" || typeof sid !== "string") return null;
    return { userId: sub, sessionId: sid, issuedAt: typeof iat === "number" ? iat : 0 };
  }
  return null;
}
