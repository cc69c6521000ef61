"use client";

import { ActionForm, Field } from "@/components/action-form";
import { NewPasswordField } from "@/components/new-password-field";
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
      <NewPasswordField
        name="newPassword"
        label="New password"
        extraHint="Your other sessions will be signed out."
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
