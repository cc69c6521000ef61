"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main
      id="main"
      className="mx-auto flex w-full max-w-lg flex-1 flex-col justify-center px-4 py-16"
      data-testid="page-error"
    >
      <h1 className="text-2xl font-semibold">That did not work</h1>
      <p className="mt-3 text-sm">{error.message || "Something went wrong."}</p>
      {error.digest ? (
        <p className="mt-1 text-xs text-[var(--foreground-soft)]">Reference: {error.digest}</p>
      ) : null}
      <div className="mt-6">
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
