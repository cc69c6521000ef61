import { DataTable } from "@/components/ui/data-table";
import type { ReviewDashboard } from "@/db/queries/reviews-organizer";
import { QueueLink, RemindActions, SendReminderButton } from "./remind-actions";

export function RemindList({
  rows,
  studyId,
  studyTitle,
  appUrl,
  dueLabel,
  emailEnabled = false,
}: {
  emailEnabled?: boolean;
  rows: ReviewDashboard["toRemind"];
  studyId: string;
  studyTitle: string;
  appUrl?: string;
  dueLabel: string | null;
}) {
  const path = `/studies/${studyId}/review`;
  if (rows.length === 0) {
    return (
      <p className="text-sm" data-testid="remind-list">
        Every assigned review is submitted: nobody to remind.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Each reviewer sees only their own queue at this link once signed in, so the same link works for
        everyone.
      </p>
      <QueueLink path={path} appUrl={appUrl} />
      <DataTable
        testId="remind-list"
        columns={[
          "Reviewer",
          "Email",
          { label: "Open", align: "right" },
          { label: "Overdue", align: "right" },
          "Remind",
        ]}
      >
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-[var(--border)]" data-testid={`remind-${r.id}`}>
            <td className="py-1 pr-3">{r.name}</td>
            <td className="py-1 pr-3 font-mono text-xs">{r.email}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{r.open}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{r.overdue}</td>
            <td className="py-1 pr-3">
              <RemindActions
                path={path}
                appUrl={appUrl}
                studyTitle={studyTitle}
                name={r.name}
                email={r.email}
                open={r.open}
                overdue={r.overdue}
                dueLabel={dueLabel}
              />
              {emailEnabled ? <SendReminderButton studyId={studyId} reviewerId={r.id} /> : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {emailEnabled ? null : (
        <p className="text-xs text-[var(--foreground-soft)]" data-testid="email-not-configured">
          Email sending is not configured (set SMTP_URL); copy the link or use your mail client.
        </p>
      )}
    </div>
  );
}
