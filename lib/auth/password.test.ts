import { describe, expect, it } from "vitest";
import { hashPassword, passwordSchema, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$2[aby]\$11\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password!")).not.toBe(await hashPassword("same password!"));
  });
});

describe("password rules", () => {
  it.each([
    ["short1", "at least 10"],
    ["password123", "too common"],
    ["aaaaaaaaaaaa", "more varied"],
    ["é".repeat(40), "at most 72 bytes"],
  ])("refuses %j (%s)", (pw, message) => {
    const r = passwordSchema.safeParse(pw);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join(" ")).toContain(message);
  });

  it("accepts a reasonable password", () => {
    expect(passwordSchema.safeParse("blue-kettle-92").success).toBe(true);
  });
});
