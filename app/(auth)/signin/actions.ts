"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getEnv } from "@/lib/env";
import { type ActionResult, isAppError, toActionError } from "@/lib/errors";
import { signIn } from "@/server/auth/auth";
import { parseInput } from "@/server/auth/check-guard";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address."),
  password: z.string().min(1, "Enter your password."),
  callbackUrl: z.string().optional(),
});

export async function signInAction(_prev: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  try {
    const input = parseInput(signInSchema, Object.fromEntries(formData));
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: safeCallbackPath(input.callbackUrl),
    });
    return { ok: true, data: undefined };
  } catch (e) {
    if (isAppError(e)) return toActionError(e);
    if (e instanceof AuthError) {
      if ((e as AuthError & { code?: string }).code === "rate_limited") {
        return {
          ok: false,
          error: "rate_limited:sign_in",
          message: `Too many failed sign-ins for this account or network. Please wait up to ${getEnv().LOGIN_LOCK_MINUTES} minutes and try again.`,
        };
      }
      if ((e as AuthError & { code?: string }).code === "account_disabled") {
        return {
          ok: false,
          error: "forbidden:account_disabled",
          message: "This account has been disabled. Ask an admin.",
        };
      }
      return { ok: false, error: "invalid:credentials", message: "Wrong email or password." };
    }
    throw e; // Next's redirect after a successful sign-in travels as an exception.
  }
}
