import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { formatUtcDateTime } from "@/lib/format";
import { type InvitationSummary, inspectInvitation } from "@/server/auth/invitations";
import { getSessionUser } from "@/server/auth/session";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  let invitation: InvitationSummary;
  try {
    invitation = inspectInvitation({ token });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return (
      <Card data-testid="invite-invalid">
        <h1 className="mb-3 text-xl font-semibold">Invitation not usable</h1>
        <Alert tone="error">{e.message}</Alert>
        <p className="mt-4 text-sm">
          <Link href="/signin">Go to sign in</Link>
        </p>
      </Card>
    );
  }
  const user = await getSessionUser();
  const what = invitation.studyId
    ? `${invitation.roles.join(", ")} in the study “${invitation.studyTitle}”`
    : invitation.roles.includes("admin")
      ? "an admin of this Ideation Lab instance"
      : "an organizer who can create studies";
  const callback = `/invite/${token}`;
  return (
    <Card data-testid="invite-card">
      <h1 className="mb-2 text-xl font-semibold">You are invited</h1>
      <p className="mb-4 text-sm">
        This invitation makes you <strong>{what}</strong>. It can be used once and expires on{" "}
        {formatUtcDateTime(invitation.expiresAt)}.
      </p>
      {user ? (
        <>
          <p className="mb-3 text-sm">
            You are signed in as <strong>{user.email}</strong>. Accept to add these roles to your account.
          </p>
          <AcceptInvitationForm token={token} studyId={invitation.studyId} mode="attach" presetEmail={null} />
        </>
      ) : (
        <>
          <p className="mb-3 text-sm">
            Create your account below. Already have one?{" "}
            <Link href={`/signin?callbackUrl=${encodeURIComponent(callback)}`}>Sign in first</Link> and open
            this link again to add the roles to it.
          </p>
          <AcceptInvitationForm
            token={token}
            studyId={invitation.studyId}
            mode="create"
            presetEmail={invitation.email}
          />
        </>
      )}
    </Card>
  );
}
