import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { isEmailConfigured, sendEmail } from "./send";
import { startSmtpServer } from "./smtp-test-server";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("sendEmail", () => {
  it("is off without SMTP_URL and says what to set", async () => {
    vi.stubEnv("SMTP_URL", "");
    resetEnvForTests();
    expect(isEmailConfigured()).toBe(false);
    await expect(sendEmail({ to: "a@example.org", subject: "s", text: "t" })).rejects.toThrow(/set SMTP_URL/);
  });

  it("delivers a message over SMTP", async () => {
    const server = await startSmtpServer();
    try {
      vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${server.port}?ignoreTLS=true`);
      vi.stubEnv("SMTP_FROM", "Lab <lab@example.org>");
      resetEnvForTests();
      expect(isEmailConfigured()).toBe(true);
      await sendEmail({
        to: "reviewer@example.org",
        subject: "Reminder",
        text: "Please review idea K7P2QX.",
      });
      expect(server.received).toHaveLength(1);
      expect(server.received[0]?.to[0]).toContain("reviewer@example.org");
      expect(server.received[0]?.from).toContain("lab@example.org");
      expect(server.received[0]?.data).toContain("Subject: Reminder");
      expect(server.received[0]?.data).toContain("Please review idea K7P2QX.");
    } finally {
      server.close();
    }
  });

  it("reports an unreachable server as an error naming the recipient", async () => {
    const server = await startSmtpServer();
    const port = server.port;
    server.close();
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
    resetEnvForTests();
    await expect(sendEmail({ to: "x@example.org", subject: "s", text: "t" })).rejects.toThrow(
      /could not be sent/,
    );
  });
});
