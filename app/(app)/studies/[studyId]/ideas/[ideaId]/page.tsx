import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getIdeaForAuthor } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { needsConsent } from "@/server/auth/consent";
import { guardPage } from "@/server/auth/guarded-handlers";
import { WithdrawLate } from "./_components/withdraw-late";
import { IdeaEditor } from "./idea-editor";

export const metadata: Metadata = { title: "Edit idea" };

export default async function IdeaPage({ params }: PageProps<"/studies/[studyId]/ideas/[ideaId]">) {
  const { studyId, ideaId } = await params;
  const { user, roles } = await guardPage({ study: { roles: ["writer"] } }, { studyId });
  const { study, template } = getStudySettings({ studyId });
  if (needsConsent({ studyId, userId: user.id, roles })) redirect(`/studies/${studyId}/ideas`);
  // Someone else's idea, or an id from another study, is simply not found.
  const idea = /^[0-9a-f-]{36}$/.test(ideaId)
    ? getIdeaForAuthor({ studyId, ideaId, authorId: user.id })
    : undefined;
  if (!idea || idea.studyId !== studyId) notFound();
  // After writing, a submitted idea can still be withdrawn; once withdrawn the panel says so (it stays
  // on the page after the refresh, so the writer sees what happened).
  const lateWithdrawal =
    (idea.status === "submitted" || idea.status === "withdrawn") &&
    !["setup", "writing", "closed"].includes(study.status);
  return (
    <>
      <IdeaEditor
        studyId={studyId}
        ideaId={idea.id}
        code={idea.code}
        topicName={idea.topicName}
        template={template}
        initialFields={idea.fields}
        initialVersion={idea.version}
        initialStatus={idea.status}
        attestationText={study.attestationText}
        editable={study.status === "writing"}
      />
      {lateWithdrawal ? (
        <WithdrawLate studyId={studyId} ideaId={idea.id} withdrawn={idea.status === "withdrawn"} />
      ) : null}
    </>
  );
}
