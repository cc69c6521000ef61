"use client";

import { ActionForm, Field } from "@/components/action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePasswordAction} submitLabel="Change password" testId="change-password-form">
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Your other sessions will be signed out.`}
      />
      <Field
        label="Repeat new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
      />
    </ActionForm>
  );
}
