import "server-only";
import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Outgoing email (reviewer reminders). Optional: without SMTP_URL the app offers copyable links.

export function isEmailConfigured(): boolean {
  return getEnv().SMTP_URL !== undefined;
}

export async function sendEmail({ to, subject, text }: { to: string; subject: string; text: string }) {
  const { SMTP_URL, SMTP_FROM } = getEnv();
  if (!SMTP_URL)
    throw new AppError("conflict:email_not_configured", "Email is not configured: set SMTP_URL.");
  const transport = nodemailer.createTransport(SMTP_URL, {
    connectionTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: SMTP_FROM, to, subject, text });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new AppError("unavailable:email", `The email to ${to} could not be sent: ${detail}`, { cause: e });
  } finally {
    transport.close();
  }
}
