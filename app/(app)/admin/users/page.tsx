import type { Metadata } from "next";
import { InlineAction } from "@/components/inline-action";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { listUsers } from "@/db/queries/users";
import { formatUtcDate } from "@/lib/format";
import { guardPage } from "@/server/auth/guarded-handlers";
import { endSessionsAction, setDisabledAction, setUserFlagsAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

function FlagButton({
  userId,
  field,
  value,
  label,
}: {
  userId: string;
  field: string;
  value: boolean;
  label: string;
}) {
  return (
    <InlineAction action={setUserFlagsAction} label={label} fields={{ userId, [field]: String(value) }} />
  );
}

export default async function UsersPage() {
  const { user: me } = await guardPage({ admin: true });
  const users = listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an account. New accounts come from invitation links (Admin → Invitations) or `npm run user:create`."
      />
      <Card>
        <DataTable testId="user-table" columns={["Name", "Email", "Instance roles", "Joined", "Change"]}>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-[var(--border)]">
              <td className="py-2 pr-3">{u.name}</td>
              <td className="py-2 pr-3">{u.email}</td>
              <td className="space-x-1 py-2 pr-3">
                {u.isAdmin ? <Badge tone="accent">admin</Badge> : null}
                {u.canCreateStudies || u.isAdmin ? <Badge>creates studies</Badge> : null}
                {u.disabledAt !== null ? <Badge>disabled</Badge> : null}
              </td>
              <td className="py-2 pr-3">{formatUtcDate(u.createdAt)}</td>
              <td className="space-x-3 py-2">
                {u.id === me.id ? (
                  <span className="text-xs text-[var(--foreground-soft)]">you</span>
                ) : (
                  <>
                    <FlagButton
                      userId={u.id}
                      field="isAdmin"
                      value={!u.isAdmin}
                      label={u.isAdmin ? "Remove admin" : "Make admin"}
                    />
                    {!u.isAdmin ? (
                      <FlagButton
                        userId={u.id}
                        field="canCreateStudies"
                        value={!u.canCreateStudies}
                        label={u.canCreateStudies ? "Disallow study creation" : "Allow study creation"}
                      />
                    ) : null}
                    <InlineAction
                      action={endSessionsAction}
                      label="End all sessions"
                      fields={{ userId: u.id }}
                    />
                    <InlineAction
                      action={setDisabledAction}
                      label={u.disabledAt !== null ? "Enable account" : "Disable account"}
                      fields={{ userId: u.id, disabled: String(u.disabledAt === null) }}
                    />
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
