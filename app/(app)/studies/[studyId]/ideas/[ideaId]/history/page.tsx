import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InlineAction } from "@/components/inline-action";
import { Card } from "@/components/ui/card";
import { getIdeaForAuthor, listIdeaVersions } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { formatUtcDateTime } from "@/lib/format";
import { restoreRefusal } from "@/lib/ideas/restore";
import { guardPage } from "@/server/auth/guarded-handlers";
import { restoreOwnVersionAction } from "./actions";

export const metadata: Metadata = { title: "Version history" };

export default async function IdeaHistoryPage({
  params,
}: PageProps<"/studies/[studyId]/ideas/[ideaId]/history">) {
  const { studyId, ideaId } = await params;
  const { user, study } = await guardPage({ study: { roles: ["writer"] } }, { studyId });
  const idea = /^[0-9a-f-]{36}$/.test(ideaId)
    ? getIdeaForAuthor({ studyId, ideaId, authorId: user.id })
    : undefined;
  if (!idea || idea.studyId !== studyId) notFound();
  const { template } = getStudySettings({ studyId });
  const versions = listIdeaVersions({ studyId, ideaId, authorId: user.id });
  const latest = versions.at(-1);
  const refusal =
    study.archivedAt !== null
      ? "The study is archived and read-only."
      : restoreRefusal({ by: "author", studyStatus: study.status, ideaStatus: idea.status });
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/studies/${studyId}/ideas/${ideaId}`}>← Back to the editor</Link>
      </p>
      <h1 className="text-xl font-semibold">Version history ({versions.length})</h1>
      {versions.length > 1 ? (
        <p className="text-sm text-[var(--foreground-soft)]" data-testid="restore-note">
          {refusal ?? "Restoring an earlier version saves its text as a new version; no version is lost."}
        </p>
      ) : null}
      <ol className="space-y-3" data-testid="versions">
        {[...versions].reverse().map((v) => (
          <li key={v.version}>
            <Card>
              <details>
                <summary className="cursor-pointer text-sm">
                  Version {v.version} ·{" "}
                  {v.kind === "restore" && v.restoredFrom !== null
                    ? `restored from version ${v.restoredFrom}`
                    : v.kind}{" "}
                  · {formatUtcDateTime(v.savedAt, { seconds: true })}
                </summary>
                <div className="mt-3 space-y-2">
                  {template.map((f) => (
                    <div key={f.key}>
                      <p className="text-xs font-semibold">{f.label}</p>
                      <pre className="whitespace-pre-wrap text-xs">{v.fields[f.key] ?? ""}</pre>
                    </div>
                  ))}
                </div>
              </details>
              {refusal === null && v !== latest ? (
                <InlineAction
                  action={restoreOwnVersionAction}
                  label={`Restore version ${v.version}`}
                  testId={`restore-${v.version}`}
                  confirm={`Restore version ${v.version}? Your idea's text becomes that of version ${v.version}, saved as a new version; no version is lost. Reload any open editor tab afterwards.`}
                  fields={{
                    studyId,
                    ideaId,
                    version: String(v.version),
                    expectedVersion: String(idea.version),
                  }}
                />
              ) : null}
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}
