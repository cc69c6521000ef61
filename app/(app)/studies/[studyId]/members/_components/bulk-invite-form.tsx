"use client";

import { useState } from "react";
import { ActionForm, Field, FieldErrorText, useFieldError } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { toCsv } from "@/lib/csv/write";
import { formatUtcDateTime } from "@/lib/format";
import { type BulkInvitationResult, createBulkInvitationsAction } from "../actions";

function EmailsField() {
  const errors = useFieldError("emails");
  return (
    <div className="space-y-1">
      <label htmlFor="bulk-emails" className="block text-sm font-medium">
        Email addresses (one per line, or separated by commas)
      </label>
      <textarea
        id="bulk-emails"
        name="emails"
        rows={6}
        className="block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 font-mono text-xs aria-[invalid=true]:border-red-600"
        aria-invalid={errors ? true : undefined}
        data-testid="field-emails"
      />
      <FieldErrorText name="emails" />
    </div>
  );
}

/** The created links, shown once: copy them all, or download them as CSV. */
function CreatedLinks({ result }: { result: BulkInvitationResult }) {
  const [copied, setCopied] = useState(false);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const rows = result.links.map((l) => [
    l.email,
    result.roles.join(" "),
    `${origin}${l.path}`,
    formatUtcDateTime(l.expiresAt),
  ]);
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv({ columns: ["email", "roles", "link", "expires_utc"], rows }))}`;
  return (
    <div
      className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
      data-testid="bulk-invite-result"
    >
      {result.emailed.length > 0 ? (
        <p data-testid="bulk-emailed">
          Emailed {result.emailed.length} {result.emailed.length === 1 ? "invitation" : "invitations"} (
          {result.roles.join(", ")}): {result.emailed.join(", ")}.
        </p>
      ) : null}
      {result.repeated > 0 ? (
        <p>
          {result.repeated} repeated {result.repeated === 1 ? "address was" : "addresses were"} invited once.
        </p>
      ) : null}
      {result.links.length > 0 ? (
        <>
          <p>
            {result.notEmailed ?? "These emails could not be sent; pass the links on yourself."} Each link
            works once, for its address only, and is shown only now.
          </p>
          <ul className="space-y-1" data-testid="bulk-links">
            {result.links.map((l) => (
              <li key={l.email} className="break-all font-mono text-xs" data-testid="bulk-link">
                <span data-testid="bulk-link-email">{l.email}</span> {origin}
                {l.path}
                {l.problem ? (
                  <span className="block font-sans text-red-800 dark:text-red-200">{l.problem}</span>
                ) : null}
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={async () => {
                const text = rows.map(([email, , link]) => `${email}\t${link}`).join("\n");
                await navigator.clipboard?.writeText(text).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy all links"}
            </Button>
            <a href={csvHref} download="invitations.csv" className="underline" data-testid="bulk-csv">
              Download as CSV
            </a>
          </div>
        </>
      ) : null}
    </div>
  );
}

export function BulkInviteForm({ studyId, roles }: { studyId: string; roles: readonly string[] }) {
  return (
    <ActionForm
      action={createBulkInvitationsAction}
      submitLabel="Invite everyone on the list"
      testId="bulk-invite-form"
      resetOnSuccess
      success={(d) => <CreatedLinks result={d} />}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <EmailsField />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Role</legend>
        <div className="flex flex-wrap gap-3">
          {roles.map((r) => (
            <label key={r} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="roles[]" value={r} data-testid={`bulk-role-${r}`} /> {r}
            </label>
          ))}
        </div>
        <FieldErrorText name="roles" />
      </fieldset>
      <Field label="Valid for days" name="ttlDays" type="number" min={1} max={90} defaultValue={7} />
    </ActionForm>
  );
}
