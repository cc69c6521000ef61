"use client";

import { ActionForm, Field } from "@/components/action-form";
import { NewPasswordField } from "@/components/new-password-field";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({
  token,
  studyId,
  mode,
  presetEmail,
}: {
  token: string;
  studyId: string | null;
  mode: "attach" | "create";
  presetEmail: string | null;
}) {
  return (
    <ActionForm
      action={acceptInvitationAction}
      submitLabel={mode === "attach" ? "Accept invitation" : "Create account and accept"}
      pendingLabel="Accepting…"
      testId="accept-invite-form"
    >
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="studyId" value={studyId ?? ""} />
      {mode === "create" ? (
        <>
          <Field label="Name" name="name" autoComplete="name" required />
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={presetEmail ?? undefined}
            readOnly={presetEmail !== null}
          />
          <NewPasswordField />
        </>
      ) : null}
    </ActionForm>
  );
}
