"use client";

import { Field } from "@/components/action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

/** The password field of every form that sets one, with the rule spelled out. */
export function NewPasswordField({
  name = "password",
  label = "Password",
  extraHint = "",
}: {
  name?: string;
  label?: string;
  extraHint?: string;
}) {
  return (
    <Field
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.${extraHint ? ` ${extraHint}` : ""}`}
    />
  );
}
