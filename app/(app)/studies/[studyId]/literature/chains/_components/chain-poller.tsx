"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While the build runs, re-renders the page every second so its stage and then its chains appear. */
export function ChainPoller({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
