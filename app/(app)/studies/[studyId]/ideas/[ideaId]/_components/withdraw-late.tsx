"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { withdrawIdeaAction } from "../../actions";

/**
 * Withdrawing after writing has closed (the editor offers it while writing is open). Says what it
 * does before it happens: open reviews are cancelled, the idea leaves the arena, the organizer is told.
 */
const WITHDRAWN = "Withdrawn. It will not be reviewed or judged from now on.";

export function WithdrawLate({
  studyId,
  ideaId,
  withdrawn,
}: {
  studyId: string;
  ideaId: string;
  withdrawn: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function withdraw() {
    if (
      !window.confirm(
        "Withdraw this idea from the study? Reviews not yet submitted are cancelled, it leaves the arena, and the organizers see that you withdrew it. Reviews already submitted stay with the organizers. Writing has closed, so you cannot resubmit it.",
      )
    )
      return;
    startTransition(async () => {
      const result = await withdrawIdeaAction({ studyId, ideaId });
      if (result.ok) {
        setMessage(WITHDRAWN);
        router.refresh();
      } else setMessage(result.message);
    });
  }
  return (
    <div className="mt-4 space-y-2 border-t border-[var(--border)] pt-4" data-testid="withdraw-late">
      {withdrawn ? (
        <Alert tone="info">{WITHDRAWN}</Alert>
      ) : (
        <>
          <p className="text-sm">You can withdraw this idea from the study at any time until it closes.</p>
          <Button variant="danger" onClick={withdraw} disabled={pending} data-testid="withdraw-idea-late">
            {pending ? "Withdrawing…" : "Withdraw from the study"}
          </Button>
          {message ? <Alert tone="info">{message}</Alert> : null}
        </>
      )}
    </div>
  );
}
