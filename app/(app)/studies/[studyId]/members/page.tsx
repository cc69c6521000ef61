import type { Metadata } from "next";
import Link from "next/link";
import { InlineAction } from "@/components/inline-action";
import { InvitationForm } from "@/components/invitation-form";
import { InvitationTable } from "@/components/invitation-table";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { listInvitations } from "@/db/queries/invitations";
import { listStudyMembers } from "@/db/queries/studies";
import { STUDY_ROLES } from "@/lib/studies/types";
import { guardPage } from "@/server/auth/guarded-handlers";
import { BulkInviteForm } from "./_components/bulk-invite-form";
import { createStudyInvitationAction, removeMemberAction, revokeStudyInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params, searchParams }: PageProps<"/studies/[studyId]/members">) {
  const { studyId } = await params;
  const hideRevoked = (await searchParams).revoked === "hide";
  const { study, user } = await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  if (!study) return null;
  const members = listStudyMembers({ studyId: study.id });
  const allInvitations = listInvitations({ studyId: study.id });
  const revokedCount = allInvitations.filter((i) => i.state === "revoked").length;
  const invitations = hideRevoked ? allInvitations.filter((i) => i.state !== "revoked") : allInvitations;
  return (
    <>
      <PageHeader
        title="Members and invitations"
        description={<Link href={`/studies/${study.id}`}>{study.title}</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardTitle>Members ({members.length})</CardTitle>
            <DataTable testId="member-table" columns={["Name", "Email", "Roles", ""]}>
              {members.map((m) => (
                <tr key={m.userId} className="border-t border-[var(--border)]">
                  <td className="py-2 pr-3">{m.name}</td>
                  <td className="py-2 pr-3">{m.email}</td>
                  <td className="py-2 pr-3">{m.roles.join(", ")}</td>
                  <td className="py-2 text-right">
                    {m.userId !== user.id ? (
                      <InlineAction
                        action={removeMemberAction}
                        label="Remove"
                        confirm={`Remove ${m.name} from this study? Their submitted work stays, attributed to them.`}
                        fields={{ studyId: study.id, userId: m.userId }}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          </Card>
          <Card>
            <CardTitle
              action={
                revokedCount > 0 ? (
                  <Link
                    href={`/studies/${study.id}/members${hideRevoked ? "" : "?revoked=hide"}`}
                    className="text-sm font-normal"
                    data-testid="toggle-revoked"
                  >
                    {hideRevoked ? `Show revoked links (${revokedCount})` : "Hide revoked links"}
                  </Link>
                ) : undefined
              }
            >
              Invitations
            </CardTitle>
            <InvitationTable invitations={invitations} revokeAction={revokeStudyInvitationAction} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardTitle>Invite people</CardTitle>
            <InvitationForm
              action={createStudyInvitationAction}
              studyId={study.id}
              roleOptions={STUDY_ROLES.map((r) => ({ value: r, label: r }))}
            />
          </Card>
          <Card>
            <CardTitle>Invite a list</CardTitle>
            <BulkInviteForm studyId={study.id} roles={STUDY_ROLES} />
          </Card>
        </div>
      </div>
    </>
  );
}
