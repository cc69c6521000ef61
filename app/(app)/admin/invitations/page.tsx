import type { Metadata } from "next";
import Link from "next/link";
import { InvitationForm } from "@/components/invitation-form";
import { InvitationTable } from "@/components/invitation-table";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listInvitations } from "@/db/queries/invitations";
import { listAllStudies } from "@/db/queries/studies";
import { INVITABLE_INSTANCE_ROLES } from "@/lib/auth/roles";
import { STUDY_ROLES } from "@/lib/studies/types";
import { guardPage } from "@/server/auth/guarded-handlers";
import { createAdminInvitationAction, revokeAdminInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitations" };

export default async function AdminInvitationsPage({ searchParams }: PageProps<"/admin/invitations">) {
  await guardPage({ admin: true });
  const hideRevoked = (await searchParams).revoked === "hide";
  const all = listInvitations({});
  const revokedCount = all.filter((i) => i.state === "revoked").length;
  const invitations = hideRevoked ? all.filter((i) => i.state !== "revoked") : all;
  const studies = listAllStudies();
  const roleOptions = [
    ...INVITABLE_INSTANCE_ROLES.map((r) => ({
      value: r,
      label: r === "admin" ? "admin (instance)" : "organizer (may create studies)",
    })),
    ...STUDY_ROLES.filter((r) => r !== "organizer").map((r) => ({ value: r, label: `${r} (study)` })),
  ];
  return (
    <>
      <PageHeader
        title="Invitations"
        description="Single-use links that expire. Without a study, a link makes an admin or an organizer who can create studies; with a study, it grants study roles."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardTitle
            action={
              revokedCount > 0 ? (
                <Link
                  href={hideRevoked ? "/admin/invitations" : "/admin/invitations?revoked=hide"}
                  className="text-sm font-normal"
                  data-testid="toggle-revoked"
                >
                  {hideRevoked ? `Show revoked links (${revokedCount})` : "Hide revoked links"}
                </Link>
              ) : undefined
            }
          >
            All invitations
          </CardTitle>
          <InvitationTable invitations={invitations} revokeAction={revokeAdminInvitationAction} showStudy />
        </Card>
        <Card>
          <CardTitle>New invitation</CardTitle>
          <InvitationForm
            action={createAdminInvitationAction}
            roleOptions={roleOptions}
            studyOptions={studies}
          />
        </Card>
      </div>
    </>
  );
}
