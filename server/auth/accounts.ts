import "server-only";
import { z } from "zod";
import {
  countUsers,
  createFirstAdmin,
  getUserById,
  insertUser,
  updateUserPassword,
} from "@/db/queries/users";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { emailSchema, nameSchema } from "@/lib/validation";
import { parseInput } from "./check-guard";

export const setupSchema = z
  .object({ email: emailSchema, name: nameSchema, password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });

export function isSetupOpen() {
  return countUsers() === 0;
}

/** First run: the first person becomes the admin; afterwards this is closed. */
export async function setupFirstAdmin({ input }: { input: unknown }) {
  if (!isSetupOpen()) throw new AppError("conflict:setup_done", "Setup is already complete. Please sign in.");
  const data = parseInput(setupSchema, input);
  return createFirstAdmin({
    email: data.email,
    name: data.name,
    passwordHash: await hashPassword(data.password),
  });
}

export const createUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  admin: z.boolean().default(false),
});

/** Used by the `user:create` CLI: the first account is always an admin. */
export async function createUserAccount({ input }: { input: unknown }) {
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  if (countUsers() === 0) return createFirstAdmin({ email: data.email, name: data.name, passwordHash });
  return insertUser({
    email: data.email,
    name: data.name,
    passwordHash,
    isAdmin: data.admin,
    canCreateStudies: data.admin,
  });
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

/** Changes the password and ends every other session of the account. */
export async function changePassword({
  userId,
  input,
}: {
  userId: string;
  input: z.output<typeof changePasswordSchema>;
}) {
  const user = getUserById({ userId });
  if (!user) throw new AppError("unauthorized:session");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("invalid:current_password", "The current password is not correct.", {
      fieldErrors: { currentPassword: ["The current password is not correct."] },
    });
  }
  updateUserPassword({ userId, passwordHash: await hashPassword(input.newPassword) });
  return { email: user.email };
}
