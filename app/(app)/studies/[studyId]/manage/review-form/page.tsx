import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { getReviewSetup } from "@/db/queries/review-setup";
import { guardPage } from "@/server/auth/guarded-handlers";
import { FixedFieldsNote } from "./_components/fixed-fields-note";
import { ReviewFormEditor } from "./_components/review-form-editor";
import { ReviewSettingsForm } from "./_components/review-settings-form";

export const metadata: Metadata = { title: "Review form" };

export default async function ReviewFormPage({ params }: PageProps<"/studies/[studyId]/manage/review-form">) {
  const { studyId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const { form, formIsDefault, lockedReason, settings } = getReviewSetup({ studyId });
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="review-form-source">
          {formIsDefault ? (
            <>
              <Badge>default form</Badge>
              This study uses the default review form. Saving here gives the study its own form; otherwise the
              default is stored with the study when the review phase starts.
            </>
          ) : (
            <>
              <Badge tone="accent">study form</Badge>
              This study uses its own review form.
            </>
          )}
        </p>
        {lockedReason ? (
          <Alert tone="warning" testId="review-form-locked">
            {lockedReason}
          </Alert>
        ) : null}
      </div>
      <Card>
        <CardTitle>Scored metrics ({form.metrics.length})</CardTitle>
        <p className="mb-4 text-sm text-[var(--foreground-soft)]">
          Reviewers score each metric on its scale. The key names the export columns (<code>key</code> and{" "}
          <code>key_rationale</code>), so choose it with the analysis in mind. The form can change until the
          first review is submitted.
        </p>
        <ReviewFormEditor studyId={studyId} initialForm={form} locked={lockedReason !== null} />
      </Card>
      <Card>
        <CardTitle>Fixed questions</CardTitle>
        <FixedFieldsNote attestationText={settings.attestationText} />
      </Card>
      <Card>
        <CardTitle>Review settings</CardTitle>
        <p className="mb-4 text-sm text-[var(--foreground-soft)]">
          These stay editable while reviewing runs; they do not change what a review records.
        </p>
        <ReviewSettingsForm studyId={studyId} settings={settings} />
      </Card>
    </div>
  );
}
