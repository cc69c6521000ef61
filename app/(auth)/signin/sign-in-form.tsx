"use client";

import { ActionForm, Field } from "@/components/action-form";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  return (
    <ActionForm action={signInAction} submitLabel="Sign in" pendingLabel="Signing in…" testId="signin-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
    </ActionForm>
  );
}
