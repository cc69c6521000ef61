import "server-only";
import { clearFailures, getLockedUntil, recordFailures } from "@/db/queries/throttle";
import { getUserByEmail } from "@/db/queries/users";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { emailSchema } from "@/lib/validation";

export type VerifiedUser = { id: string; email: string; name: string };

/**
 * Checks an email and password, counting failures per account and per IP.
 * Returns null for wrong credentials; throws rate_limited while either key is locked
 * (checked before the password, so a locked account cannot be brute-forced).
 */
export async function verifyCredentials({
  email,
  password,
  ip,
  now = Date.now(),
}: {
  email: unknown;
  password: unknown;
  ip: string;
  now?: number;
}): Promise<VerifiedUser | null> {
  const parsedEmail = emailSchema.safeParse(email);
  if (
    !parsedEmail.success ||
    typeof password !== "string" ||
    password.length === 0 ||
    password.length > 1000
  ) {
    return null;
  }
  const env = getEnv();
  const accountKey = `account:${parsedEmail.data}`;
  const ipKey = `ip:${ip}`;
  const lockedUntil = getLockedUntil({ keys: [accountKey, ipKey], now });
  if (lockedUntil) {
    const minutes = Math.max(1, Math.ceil((lockedUntil - now) / 60_000));
    throw new AppError(
      "rate_limited:sign_in",
      `Too many failed sign-ins. Try again in ${plural(minutes, "minute")}.`,
    );
  }
  const user = getUserByEmail({ email: parsedEmail.data });
  const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  if (!user || !ok) {
    const windowMs = env.LOGIN_LOCK_MINUTES * 60_000;
    recordFailures({
      rules: [
        { key: accountKey, maxFailures: env.LOGIN_MAX_FAILURES_PER_ACCOUNT },
        { key: ipKey, maxFailures: env.LOGIN_MAX_FAILURES_PER_IP },
      ],
      windowMs,
      lockMs: windowMs,
      now,
    });
    return null;
  }
  clearFailures({ keys: [accountKey] });
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabledAt !== null) {
    throw new AppError("forbidden:account_disabled", "This account has been disabled. Ask an admin.");
  }
  return { id: user.id, email: user.email, name: user.name };
}
