import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { hashToken } from "@/lib/auth/tokens";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { startSmtpServer } from "@/server/email/smtp-test-server";
import { createInvitationBatch, emailInvitations } from "./invitation-batch";
import { inspectInvitation } from "./invitations";

const invitationRows = () =>
  getDb()
    .$client.prepare("SELECT email, roles, token_hash AS tokenHash FROM invitations ORDER BY rowid")
    .all() as {
    email: string;
    roles: string;
    tokenHash: string;
  }[];

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("createInvitationBatch", () => {
  beforeEach(() => resetTestDb());

  it("creates one single-use link per address, bound to it, with the chosen role", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    const batch = createInvitationBatch({
      actor: organizer,
      studyId: study.id,
      input: { emails: "a@example.org, b@example.org\nA@example.org", roles: "reviewer", ttlDays: "3" },
      now: 1_000,
    });
    expect(batch.roles).toEqual(["reviewer"]);
    expect(batch.repeated).toBe(1);
    expect(batch.invitations.map((i) => [i.email, i.expiresAt])).toEqual([
      ["a@example.org", 1_000 + 3 * 86_400_000],
      ["b@example.org", 1_000 + 3 * 86_400_000],
    ]);
    const rows = invitationRows();
    expect(rows.map((r) => [r.email, JSON.parse(r.roles)])).toEqual([
      ["a@example.org", ["reviewer"]],
      ["b@example.org", ["reviewer"]],
    ]);
    // Each link is its own token, stored only as a hash.
    batch.invitations.forEach((inv, i) => {
      const token = inv.path.replace("/invite/", "");
      expect(rows[i]?.tokenHash).toBe(hashToken(token));
      expect(inspectInvitation({ token, now: 2_000 }).email).toBe(inv.email);
    });
  });

  it("creates nothing when any line is bad, naming the lines; a missing role is named too", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    const error = (input: Record<string, unknown>) => {
      try {
        createInvitationBatch({ actor: organizer, studyId: study.id, input });
      } catch (e) {
        if (e instanceof AppError) return e;
      }
      throw new Error("expected a refusal");
    };
    const bad = error({ emails: "ok@example.org\nnope\nfine@example.org", roles: "writer" });
    expect(bad.code).toBe("invalid:emails");
    expect(bad.fieldErrors?.emails).toEqual(['line 2: "nope" is not a valid email address']);
    expect(bad.message).toContain("Nothing was created");
    const noRole = error({ emails: "ok@example.org" });
    expect(noRole.fieldErrors?.roles).toEqual(["Choose at least one role."]);
    expect(invitationRows()).toEqual([]);
  });
});

describe("emailInvitations", () => {
  const invitations = [
    { email: "a@example.org", path: "/invite/tok-a", expiresAt: Date.UTC(2026, 4, 1) },
    { email: "b@example.org", path: "/invite/tok-b", expiresAt: Date.UTC(2026, 4, 1) },
  ];
  const args = {
    invitations,
    studyTitle: "Pilot",
    roles: ["reviewer"],
    inviterName: "Olga",
    appUrl: "https://lab.example.org",
  };

  it("sends each address its own absolute link over SMTP", async () => {
    const server = await startSmtpServer();
    try {
      vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${server.port}?ignoreTLS=true`);
      resetEnvForTests();
      expect(await emailInvitations(args)).toEqual([
        { email: "a@example.org", sent: true },
        { email: "b@example.org", sent: true },
      ]);
      expect(server.received.map((m) => m.to[0])).toEqual(["<a@example.org>", "<b@example.org>"]);
      expect(server.received[0]?.data).toContain("https://lab.example.org/invite/tok-a");
      expect(server.received[0]?.data).not.toContain("tok-b");
      expect(server.received[1]?.data).toContain("https://lab.example.org/invite/tok-b");
    } finally {
      server.close();
    }
  });

  it("reports each address it could not reach and goes on", async () => {
    const server = await startSmtpServer();
    server.close();
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${server.port}`);
    resetEnvForTests();
    const results = await emailInvitations(args);
    expect(results.map((r) => [r.email, r.sent])).toEqual([
      ["a@example.org", false],
      ["b@example.org", false],
    ]);
    expect(results[0]?.problem).toContain("The email to a@example.org could not be sent");
  });
});
