"use client";

import { ActionForm, Field } from "@/components/action-form";
import { NewPasswordField } from "@/components/new-password-field";
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
      <NewPasswordField />
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
