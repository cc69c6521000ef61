import { z } from "zod";

// Shared by forms (client) and the server; no hashing code here so it can ship to the browser.
// bcrypt only reads the first 72 bytes; longer passwords would silently collide, so refuse them.
const MAX_PASSWORD_BYTES = 72;
export const MIN_PASSWORD_LENGTH = 10;

const COMMON_PASSWORDS = new Set([
  "password",
  "password1",
  "password123",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "iloveyou123",
  "letmein123",
  "administrator",
  "welcome123",
  "changeme123",
  "passw0rd123",
  "ideationlab",
]);

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .refine((p) => new TextEncoder().encode(p).length <= MAX_PASSWORD_BYTES, {
    message: `Use at most ${MAX_PASSWORD_BYTES} bytes (bcrypt ignores the rest).`,
  })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), {
    message: "This password is too common; choose another.",
  })
  .refine((p) => new Set(p).size >= 4, { message: "Use more varied characters." });
