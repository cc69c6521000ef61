import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { Card, CardTitle } from "@/components/ui/card";
import { type BlindReviewPage, getReviewPage } from "@/db/queries/reviews-reviewer";
import { isAppError } from "@/lib/errors";
import { needsConsent } from "@/server/auth/consent";
import { guardPage } from "@/server/auth/guarded-handlers";
import { ReviewEditorLoader } from "./review-editor-loader";

export const metadata: Metadata = { title: "Review" };

// The production server answers reloads of this page from its page cache (server/http/page-cache.ts)
// while the database is unchanged: render it from the user, the URL and the database alone (no clock,
// no other request header), and leave the reviewer's own review out (the editor loads it).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export default async function ReviewPage({ params }: PageProps<"/studies/[studyId]/review/[assignmentId]">) {
  const { studyId, assignmentId } = await params;
  const { user, roles } = await guardPage({ study: { roles: ["reviewer"] } }, { studyId });
  if (needsConsent({ studyId, userId: user.id, roles })) redirect(`/studies/${studyId}/review`);
  if (!UUID.test(assignmentId)) notFound();
  let page: BlindReviewPage;
  try {
    page = getReviewPage({ studyId, assignmentId, userId: user.id });
  } catch (e) {
    // Another reviewer's assignment, or an id that never existed: the same 404 either way.
    if (isAppError(e) && e.type === "not_found") notFound();
    throw e;
  }
  const { others } = page;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/studies/${studyId}/review`} className="underline">
          ← My reviews
        </Link>
      </p>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card className="xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
          <CardTitle>
            Idea{" "}
            <span className="font-mono" data-testid="idea-code">
              {page.idea.code}
            </span>{" "}
            · {page.idea.topic}
          </CardTitle>
          <div className="space-y-4" data-testid="idea-text">
            {page.idea.sections.map((s) => (
              <section key={s.key}>
                <h3 className="mb-1 text-sm font-semibold">{s.label}</h3>
                <Markdown>{s.text}</Markdown>
              </section>
            ))}
          </div>
        </Card>
        <ReviewEditorLoader
          studyId={studyId}
          assignmentId={assignmentId}
          form={page.form}
          attestationText={page.attestationText}
          readOnlyReason={page.readOnlyReason}
        />
      </div>
      {others ? (
        <Card data-testid="other-reviews">
          <CardTitle>Other reviews of this idea</CardTitle>
          {others.length === 0 ? (
            <p className="text-sm">No other reviews were submitted.</p>
          ) : (
            others.map((o) => (
              <div key={o.label} className="border-t border-[var(--border)] py-3 text-sm">
                <h3 className="font-semibold">{o.label}</h3>
                <ul className="mt-1 space-y-2">
                  {page.form.metrics.map((m) => (
                    <li key={m.key}>
                      <strong>
                        {m.label}: {o.answers.scores[m.key] ?? "—"}
                      </strong>
                      {o.answers.rationales[m.key] ? (
                        <p className="whitespace-pre-wrap">{o.answers.rationales[m.key]}</p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </Card>
      ) : null}
    </div>
  );
}
