import { describe, expect, it } from "vitest";
import { newPseudonymSalt, pseudonymizeReviewer } from "./pseudonym";

describe("pseudonymizeReviewer", () => {
  it("is stable for one study's salt and differs across studies and reviewers", () => {
    const saltA = newPseudonymSalt();
    const saltB = newPseudonymSalt();
    const a1 = pseudonymizeReviewer({ salt: saltA, userId: "user-1" });
    expect(pseudonymizeReviewer({ salt: saltA, userId: "user-1" })).toBe(a1);
    expect(pseudonymizeReviewer({ salt: saltA, userId: "user-2" })).not.toBe(a1);
    expect(pseudonymizeReviewer({ salt: saltB, userId: "user-1" })).not.toBe(a1);
    expect(a1).toMatch(/^R-[0-9a-f]{12}$/);
    expect(a1).not.toContain("user-1");
  });

  it("matches a known HMAC-SHA256 value, so exports stay stable across releases", () => {
    // python3 -c "import hmac,hashlib;print(hmac.new(b'salt',b'user-1',hashlib.sha256).hexdigest()[:12])"
    expect(pseudonymizeReviewer({ salt: "salt", userId: "user-1" })).toBe("R-75e1c9e2ecfe");
  });
});
