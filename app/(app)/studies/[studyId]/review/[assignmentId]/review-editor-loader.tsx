"use client";

import { type ComponentProps, useCallback, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { getStoredReview } from "./draft-route-client";
import { ReviewEditor } from "./review-editor";

type EditorProps = ComponentProps<typeof ReviewEditor>;

type Loaded =
  | { kind: "loading" }
  | { kind: "loaded"; review: EditorProps["initial"] }
  | { kind: "failed"; message: string };

/**
 * The review editor, once the stored review has been loaded from the draft route. The page does not
 * carry the review, so the page a reviewer reloads stays the same across their autosaves and the
 * server can answer it from its page cache (server/http/page-cache.ts). Nothing can be typed, so
 * nothing can be autosaved over the stored review, before it has arrived.
 */
export function ReviewEditorLoader(props: Omit<EditorProps, "initial">) {
  const { studyId, assignmentId } = props;
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });

  const load = useCallback(async () => {
    setLoaded({ kind: "loading" });
    const result = await getStoredReview(studyId, assignmentId);
    setLoaded(
      result.ok
        ? { kind: "loaded", review: result.review }
        : {
            kind: "failed",
            message: result.message ?? "Could not reach the server to load your review.",
          },
    );
  }, [studyId, assignmentId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loaded.kind === "loaded") return <ReviewEditor {...props} initial={loaded.review} />;
  return (
    <Card data-testid="review-loading" aria-busy={loaded.kind === "loading"}>
      <CardTitle>Your review</CardTitle>
      {loaded.kind === "failed" ? (
        <Alert tone="error" testId="review-load-failed">
          {loaded.message}{" "}
          <Button variant="secondary" onClick={() => void load()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <p className="text-sm text-[var(--foreground-soft)]">Loading your review…</p>
      )}
    </Card>
  );
}
