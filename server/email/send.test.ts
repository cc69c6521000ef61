import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { isEmailConfigured, sendEmail } from "./send";

// A minimal SMTP server on a local port: enough of RFC 5321 for nodemailer to deliver one message,
// so the test exercises the real transport rather than a stub.
function startSmtpServer() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current = { from: "", to: [] as string[], data: "" };
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end = buffer.indexOf("\r\n");
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { from: "", to: [], data: "" };
            socket.write("250 OK queued\r\n");
          } else current.data += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 test\r\n");
        else if (/^MAIL FROM:/i.test(line)) {
          current.from = line.slice(10);
          socket.write("250 OK\r\n");
        } else if (/^RCPT TO:/i.test(line)) {
          current.to.push(line.slice(8));
          socket.write("250 OK\r\n");
        } else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (/^QUIT/i.test(line)) {
          socket.end("221 bye\r\n");
        } else socket.write("250 OK\r\n");
        end = buffer.indexOf("\r\n");
      }
    });
  });
  return new Promise<{ port: number; received: typeof received; close: () => void }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, received, close: () => server.close() });
    });
  });
}

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
