"use client";

import { useState } from "react";
import { ActionForm, Field, FieldErrorText } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type CreatedInvitation = { path: string; expiresAt: number };

function CopyLink({ path }: { path: string }) {
  const url = `${window.location.origin}${path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950">
      <p>Invitation created. Send this link; it works once and is shown only now.</p>
      <input
        readOnly
        value={url}
        className="w-full rounded border px-2 py-1 font-mono text-xs"
        data-testid="invite-link"
        aria-label="Invitation link"
      />
      <Button
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(url).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </Button>
    </div>
  );
}

export function InvitationForm({
  action,
  roleOptions,
  studyId,
  studyOptions,
}: {
  action: (
    prev: ActionResult<CreatedInvitation> | null,
    formData: FormData,
  ) => Promise<ActionResult<CreatedInvitation>>;
  roleOptions: { value: string; label: string }[];
  /** Fixed study (members page), or a choice of studies (admin page; empty = instance invitation). */
  studyId?: string;
  studyOptions?: { id: string; title: string }[];
}) {
  return (
    <ActionForm
      action={action}
      submitLabel="Create invitation link"
      testId="invite-form"
      success={(d) => <CopyLink path={d.path} />}
    >
      {studyId ? <input type="hidden" name="studyId" value={studyId} /> : null}
      {studyOptions ? (
        <div className="space-y-1">
          <label htmlFor="invite-study" className="block text-sm font-medium">
            Study
          </label>
          <select
            id="invite-study"
            name="studyId"
            className="block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm"
            data-testid="field-studyId"
          >
            <option value="">None: instance invitation (admin or organizer)</option>
            {studyOptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <FieldErrorText name="studyId" />
        </div>
      ) : null}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Roles</legend>
        <div className="flex flex-wrap gap-3">
          {roleOptions.map((r) => (
            <label key={r.value} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="roles[]" value={r.value} data-testid={`role-${r.value}`} />{" "}
              {r.label}
            </label>
          ))}
        </div>
        <FieldErrorText name="roles" />
      </fieldset>
      <Field label="Only for this email (optional)" name="email" type="email" />
      <Field label="Valid for days" name="ttlDays" type="number" min={1} max={90} defaultValue={7} />
      <Field label="Note (optional, only you see it)" name="note" />
    </ActionForm>
  );
}
