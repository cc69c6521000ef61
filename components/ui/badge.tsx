import type { ReactNode } from "react";

export function Badge({
  children,
  tone = "neutral",
}: {
  children: ReactNode;
  tone?: "neutral" | "accent" | "demo";
}) {
  const cls =
    tone === "accent"
      ? "bg-[var(--accent-soft)] text-[var(--accent-strong)]"
      : tone === "demo"
        ? "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"
        : "bg-[var(--muted)] text-[var(--foreground)]";
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${cls}`}>{children}</span>
  );
}
