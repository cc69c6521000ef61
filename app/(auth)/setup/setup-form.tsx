"use client";

import { ActionForm, Field } from "@/components/action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { setupAction } from "./actions";

export function SetupForm() {
  return (
    <ActionForm
      action={setupAction}
      submitLabel="Create admin account"
      pendingLabel="Creating…"
      testId="setup-form"
    >
      <Field label="Name" name="name" autoComplete="name" required />
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <Field
        label="Repeat password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
      />
    </ActionForm>
  );
}
