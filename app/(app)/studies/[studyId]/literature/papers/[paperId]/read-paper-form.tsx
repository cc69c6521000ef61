"use client";

import type { ReactNode } from "react";
import { ActionForm } from "@/components/action-form";
import { readPaperAction } from "./actions";

/** The "Read this paper" button; the reading appears when the page refreshes. */
export function ReadPaperForm({
  studyId,
  paperId,
  label,
  children,
}: {
  studyId: string;
  paperId: string;
  label: string;
  children?: ReactNode;
}) {
  return (
    <ActionForm
      action={readPaperAction}
      submitLabel={label}
      pendingLabel="Reading…"
      testId="read-paper"
      success={(r: { source: string; cached: boolean }) =>
        `Read from the ${r.source === "full_text" ? "full text" : "abstract"}${r.cached ? " (stored reading)" : ""}.`
      }
    >
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="paperId" value={paperId} />
      {children}
    </ActionForm>
  );
}
