import { beforeEach, describe, expect, it } from "vitest";
import { setAccountDisabled } from "@/db/queries/sessions";
import { resetTestDb } from "@/db/testing/db";
import { makeUser, TEST_PASSWORD } from "@/db/testing/fixtures";
import { AppError } from "@/lib/errors";
import { verifyCredentials } from "./credentials";

describe("verifyCredentials", () => {
  beforeEach(() => resetTestDb());

  it("accepts the right password, case-insensitive email", async () => {
    const u = makeUser({ email: "ada@example.org" });
    const r = await verifyCredentials({ email: "ADA@example.org ", password: TEST_PASSWORD, ip: "1.1.1.1" });
    expect(r?.id).toBe(u.id);
    expect(
      await verifyCredentials({ email: "ada@example.org", password: "wrong-password", ip: "1.1.1.1" }),
    ).toBeNull();
    expect(
      await verifyCredentials({ email: "nobody@example.org", password: TEST_PASSWORD, ip: "1.1.1.1" }),
    ).toBeNull();
  });

  it("locks an account after 5 failures, even with the right password, until the lock expires", async () => {
    makeUser({ email: "bob@example.org" });
    const now = 1_000_000_000_000;
    for (let i = 0; i < 5; i++) {
      expect(
        await verifyCredentials({ email: "bob@example.org", password: "nope", ip: `10.0.0.${i}`, now }),
      ).toBeNull();
    }
    await expect(
      verifyCredentials({ email: "bob@example.org", password: TEST_PASSWORD, ip: "10.0.0.99", now }),
    ).rejects.toThrow(AppError);
    await expect(
      verifyCredentials({ email: "bob@example.org", password: TEST_PASSWORD, ip: "10.0.0.99", now }),
    ).rejects.toThrow(/Try again in 15 minutes/);
    const after = now + 15 * 60_000 + 1;
    expect(
      (
        await verifyCredentials({
          email: "bob@example.org",
          password: TEST_PASSWORD,
          ip: "10.0.0.99",
          now: after,
        })
      )?.email,
    ).toBe("bob@example.org");
  });

  it("locks an IP after 20 failures across accounts", async () => {
    makeUser({ email: "carol@example.org" });
    const now = 2_000_000_000_000;
    for (let i = 0; i < 20; i++) {
      await verifyCredentials({ email: `guess${i}@example.org`, password: "nope", ip: "6.6.6.6", now });
    }
    await expect(
      verifyCredentials({ email: "carol@example.org", password: TEST_PASSWORD, ip: "6.6.6.6", now }),
    ).rejects.toThrow(/Too many failed sign-ins/);
    expect(
      await verifyCredentials({ email: "carol@example.org", password: TEST_PASSWORD, ip: "7.7.7.7", now }),
    ).not.toBeNull();
  });

  it("forgets failures older than the window", async () => {
    makeUser({ email: "dan@example.org" });
    const now = 3_000_000_000_000;
    for (let i = 0; i < 4; i++)
      await verifyCredentials({ email: "dan@example.org", password: "nope", ip: "1.2.3.4", now });
    const later = now + 16 * 60_000;
    for (let i = 0; i < 4; i++)
      await verifyCredentials({ email: "dan@example.org", password: "nope", ip: "1.2.3.4", now: later });
    expect(
      await verifyCredentials({
        email: "dan@example.org",
        password: TEST_PASSWORD,
        ip: "1.2.3.4",
        now: later,
      }),
    ).not.toBeNull();
  });
});

describe("verifyCredentials for a disabled account", () => {
  beforeEach(() => resetTestDb());

  it("refuses the right password with a message saying the account is disabled", async () => {
    const admin = makeUser({ isAdmin: true });
    const u = makeUser({ email: "dis@example.org" });
    setAccountDisabled({ userId: u.id, actorId: admin.id, disabled: true });
    await expect(
      verifyCredentials({ email: "dis@example.org", password: TEST_PASSWORD, ip: "1.1.1.1" }),
    ).rejects.toThrow(/disabled/);
    expect(
      await verifyCredentials({ email: "dis@example.org", password: "wrong-password", ip: "1.1.1.1" }),
    ).toBeNull();
  });
});
