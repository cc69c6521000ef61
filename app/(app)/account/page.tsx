import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountProfile } from "@/db/queries/account-profile";
import { guardPage } from "@/server/auth/guarded-handlers";
import { ProfileForm } from "./_components/profile-form";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const { user } = await guardPage({});
  const { changed } = await searchParams;
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email}`} />
      <div className="max-w-md space-y-4">
        {changed ? (
          <Alert tone="success" testId="password-changed">
            Your password was changed.
          </Alert>
        ) : null}
        <Card>
          <CardTitle>Name and institution</CardTitle>
          <ProfileForm {...getAccountProfile({ userId: user.id })} />
        </Card>
        <Card>
          <CardTitle>Change password</CardTitle>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
