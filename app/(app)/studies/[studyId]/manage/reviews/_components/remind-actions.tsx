"use client";

import { useState, useSyncExternalStore } from "react";
import { InlineAction } from "@/components/inline-action";
import { Button, buttonClass } from "@/components/ui/button";
import { plural } from "@/lib/format";
import { sendReminderAction } from "../actions";

const noSubscribe = () => () => {};

/**
 * The absolute URL of a path: from APP_URL when the server knows it, else from the browser's origin.
 * During server rendering (no APP_URL, no window) it is the bare path.
 */
function useAbsoluteUrl(path: string, appUrl: string | undefined): string {
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  return `${appUrl ? appUrl.replace(/\/+$/, "") : origin}${path}`;
}

function CopyButton({ text, label = "Copy", testId }: { text: string; label?: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      className="px-2 py-1 text-xs"
      data-testid={testId}
      onClick={async () => {
        const ok = await navigator.clipboard
          ?.writeText(text)
          .then(() => true)
          .catch(() => false);
        setCopied(Boolean(ok));
      }}
    >
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </Button>
  );
}

/** The reviewers' queue link, shown once with a Copy button. */
export function QueueLink({ path, appUrl }: { path: string; appUrl?: string }) {
  const url = useAbsoluteUrl(path, appUrl);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        readOnly
        value={url}
        aria-label="Link to the review queue"
        data-testid="remind-queue-link"
        className="min-w-0 flex-1 rounded border border-[var(--border)] bg-[var(--background)] px-2 py-1 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton text={url} label="Copy link" testId="remind-copy-queue-link" />
    </div>
  );
}

/** Per reviewer: copy the queue link, or open the mail client with a reminder already written. */
export function RemindActions({
  path,
  appUrl,
  studyTitle,
  name,
  email,
  open,
  overdue,
  dueLabel,
}: {
  path: string;
  appUrl?: string;
  studyTitle: string;
  name: string;
  email: string;
  open: number;
  overdue: number;
  dueLabel: string | null;
}) {
  const url = useAbsoluteUrl(path, appUrl);
  const reviews = plural(open, "review");
  const subject = `Reminder: ${reviews} to finish for “${studyTitle}”`;
  const body = [
    `Hello ${name},`,
    "",
    `You have ${reviews} still open in “${studyTitle}”${overdue > 0 ? ` (${overdue} overdue)` : ""}.${
      dueLabel ? ` Reviews are due ${dueLabel}.` : ""
    }`,
    "",
    `Your review queue: ${url}`,
    "",
    "Thank you!",
  ].join("\n");
  const mailto = `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <CopyButton text={url} />
      <a href={mailto} className={buttonClass("secondary", "px-2 py-1 text-xs")} data-testid="remind-mailto">
        Email
      </a>
    </span>
  );
}

/** Sends the reminder by email through the server (shown only when SMTP is configured). */
export function SendReminderButton({ studyId, reviewerId }: { studyId: string; reviewerId: string }) {
  return (
    <InlineAction
      action={sendReminderAction}
      fields={{ studyId, reviewerId }}
      label="Send email"
      testId="remind-send-email"
    />
  );
}
