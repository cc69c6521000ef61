import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionClaims, SESSION_COOKIE_NAMES, sessionCookieValue } from "./session-token";

// The token reader that replaces Auth.js's session action on every request: it must accept exactly
// the cookies Auth.js would, and nothing else, even once a token is in its cache.
const SECRET = "session-token-test-secret-0123456789";
const PLAIN = "authjs.session-token";
const claims = { sub: "user-1", sid: "session-1" };

async function token(payload: Record<string, unknown>, salt = PLAIN, maxAge = 3600, secret = SECRET) {
  return encode({ token: payload, secret, salt, maxAge });
}

describe("readSessionClaims", () => {
  it("reads Auth.js's encrypted token, on http and on https, and again from its cache", async () => {
    const before = Math.floor(Date.now() / 1000);
    const value = await token(claims); // encode stamps iat (seconds), as at sign-in
    const expected = { userId: "user-1", sessionId: "session-1", issuedAt: expect.any(Number) };
    expect(await readSessionClaims([{ name: PLAIN, value }], SECRET)).toEqual(expected);
    expect(await readSessionClaims([{ name: PLAIN, value }], SECRET)).toEqual(expected);
    const issuedAt = (await readSessionClaims([{ name: PLAIN, value }], SECRET))?.issuedAt ?? 0;
    expect(issuedAt).toBeGreaterThanOrEqual(before);
    expect(issuedAt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    const secure = SESSION_COOKIE_NAMES[0];
    const secureValue = await token(claims, secure);
    expect((await readSessionClaims([{ name: secure, value: secureValue }], SECRET))?.userId).toBe("user-1");
  });

  it("refuses no cookie, garbage, another secret, another cookie's salt and a token without a session id", async () => {
    expect(await readSessionClaims([], SECRET)).toBeNull();
    expect(await readSessionClaims([{ name: PLAIN, value: "not-a-jwe" }], SECRET)).toBeNull();
    const foreign = await token(claims, PLAIN, 3600, "another-secret-0123456789-0123456789");
    expect(await readSessionClaims([{ name: PLAIN, value: foreign }], SECRET)).toBeNull();
    const secureSalted = await token(claims, SESSION_COOKIE_NAMES[0]);
    expect(await readSessionClaims([{ name: PLAIN, value: secureSalted }], SECRET)).toBeNull();
    const noSid = await token({ sub: "user-1" });
    expect(await readSessionClaims([{ name: PLAIN, value: noSid }], SECRET)).toBeNull();
    const value = await token(claims);
    expect(await readSessionClaims([{ name: PLAIN, value }], undefined)).toBeNull();
    expect(
      await readSessionClaims([{ name: PLAIN, value }], "rotated-secret-0123456789-0123456789"),
    ).toBeNull();
  });

  it("a cached token stops working when it expires", async () => {
    const value = await token(claims, PLAIN, 60);
    const now = Date.now();
    expect(await readSessionClaims([{ name: PLAIN, value }], SECRET, now)).not.toBeNull();
    expect(await readSessionClaims([{ name: PLAIN, value }], SECRET, now + 60_000)).not.toBeNull();
    expect(await readSessionClaims([{ name: PLAIN, value }], SECRET, now + 120_000)).toBeNull();
  });
});

describe("sessionCookieValue", () => {
  it("joins Auth.js's chunks in index order and prefers the whole cookie", () => {
    const chunks = [
      { name: `${PLAIN}.1`, value: "b" },
      { name: "other", value: "x" },
      { name: `${PLAIN}.10`, value: "d" },
      { name: `${PLAIN}.0`, value: "a" },
      { name: `${PLAIN}.2`, value: "c" },
    ];
    expect(sessionCookieValue(chunks, PLAIN)).toBe("abcd");
    expect(sessionCookieValue([...chunks, { name: PLAIN, value: "whole" }], PLAIN)).toBe("whole");
    expect(sessionCookieValue([{ name: `${PLAIN}.x`, value: "a" }], PLAIN)).toBeUndefined();
  });
});
