import Link from "next/link";
import type { ReactNode } from "react";

export function StatusPage({
  code,
  title,
  children,
  testId,
}: {
  code: number;
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <main
      id="main"
      className="mx-auto flex w-full max-w-lg flex-1 flex-col justify-center px-4 py-16"
      data-testid={testId}
    >
      <p className="text-sm font-semibold text-[var(--foreground-soft)]">Error {code}</p>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
      <div className="mt-3 text-sm">{children}</div>
      <p className="mt-6 text-sm">
        <Link href="/">Back to your dashboard</Link>
      </p>
    </main>
  );
}
