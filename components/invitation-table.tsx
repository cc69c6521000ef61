import { DataTable } from "@/components/ui/data-table";
import type { InvitationView } from "@/lib/auth/invitations";
import type { ActionResult } from "@/lib/errors";
import { formatUtcDateTime } from "@/lib/format";
import { InlineAction } from "./inline-action";
import { Badge } from "./ui/badge";

export function InvitationTable({
  invitations,
  revokeAction,
  showStudy = false,
}: {
  invitations: InvitationView[];
  revokeAction: (prev: ActionResult<void> | null, formData: FormData) => Promise<ActionResult<void>>;
  showStudy?: boolean;
}) {
  if (invitations.length === 0) {
    return (
      <p className="text-sm text-[var(--foreground-soft)]">No invitations yet. Create one with the form.</p>
    );
  }
  return (
    <DataTable
      testId="invitation-table"
      columns={[...(showStudy ? ["Study"] : []), "Roles", "For", "State", "Expires", ""]}
    >
      {invitations.map((inv) => (
        <tr key={inv.id} className="border-t border-[var(--border)]">
          {showStudy ? <td className="py-2 pr-3">{inv.studyTitle ?? "instance"}</td> : null}
          <td className="py-2 pr-3">{inv.roles.join(", ")}</td>
          <td className="py-2 pr-3">
            {inv.email ?? "anyone with the link"}
            {inv.note ? ` · ${inv.note}` : ""}
          </td>
          <td className="py-2 pr-3">
            <Badge tone={inv.state === "pending" ? "accent" : "neutral"}>{inv.state}</Badge>
            {inv.usedByEmail ? <span className="ml-1 text-xs">by {inv.usedByEmail}</span> : null}
          </td>
          <td className="py-2 pr-3">{formatUtcDateTime(inv.expiresAt)}</td>
          <td className="py-2 text-right">
            {inv.state === "pending" ? (
              <InlineAction
                action={revokeAction}
                label="Revoke"
                confirm="Revoke this invitation? The link will stop working."
                fields={{ invitationId: inv.id, ...(inv.studyId ? { studyId: inv.studyId } : {}) }}
              />
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
