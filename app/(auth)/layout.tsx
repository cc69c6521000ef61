import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-4 py-12">
      <p className="mb-6 text-center text-sm font-semibold tracking-wide text-[var(--foreground-soft)]">
        IDEATION LAB
      </p>
      {children}
    </main>
  );
}
