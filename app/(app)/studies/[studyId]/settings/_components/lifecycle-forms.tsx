"use client";

import { ActionForm, Field } from "@/components/action-form";
import { describeDeletion, type StudyDeletionSummary } from "@/lib/studies/lifecycle";
import { deleteStudyAction, setArchivedAction } from "../actions";

/**
 * Archive (read-only, hidden from the default studies list) or unarchive, and delete for good. The
 * deletion lists what goes, with counts, and needs the study's name typed; the server checks both
 * the name and that the caller is an admin or the study's creator.
 */
export function LifecycleForms({
  studyId,
  archived,
  summary,
}: {
  studyId: string;
  archived: boolean;
  summary: StudyDeletionSummary;
}) {
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <p className="text-sm">
          {archived
            ? "This study is archived: everyone can still read it, nobody can change it, and it is hidden from the studies list unless “show archived” is on."
            : "Archiving makes the study read-only for everyone and hides it from the studies list (a “show archived” toggle brings it back). You can unarchive it at any time."}
        </p>
        <ActionForm
          action={setArchivedAction}
          submitLabel={archived ? "Unarchive this study" : "Archive this study"}
          variant="secondary"
          testId="archive-form"
          className="space-y-2"
          confirm={
            archived
              ? undefined
              : "Archive this study? It becomes read-only for every member until it is unarchived."
          }
        >
          <input type="hidden" name="studyId" value={studyId} />
          <input type="hidden" name="archived" value={archived ? "no" : "yes"} />
        </ActionForm>
      </div>
      <ActionForm
        action={deleteStudyAction}
        submitLabel="Delete this study for good"
        variant="danger"
        testId="delete-study-form"
        className="space-y-3 border-t border-[var(--border)] pt-4"
      >
        <input type="hidden" name="studyId" value={studyId} />
        <div className="text-sm" data-testid="delete-study-summary">
          <p className="font-medium">Deleting “{summary.title}” removes, and cannot be undone:</p>
          <ul className="ml-5 list-disc">
            {describeDeletion(summary).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-2" data-testid="backup-hint">
            Make a backup first: <code>npm run db:backup -- backups/before-delete.db</code> on the server.
          </p>
        </div>
        <Field
          label={`Type the study's name (${summary.title}) to confirm`}
          name="confirmTitle"
          autoComplete="off"
        />
      </ActionForm>
    </div>
  );
}
