import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { displayStatus, listChains } from "@/db/queries/chains";
import { getStudySettings } from "@/db/queries/study-settings";
import { STATUS_LABELS } from "@/lib/chains/labels";
import { guardPage } from "@/server/auth/guarded-handlers";
import { defaultStoredOptions } from "@/server/chains/start-chain-build";
import { BuildForm } from "./_components/build-form";

export const metadata: Metadata = { title: "Chains" };

export default async function ChainsPage({ params }: PageProps<"/studies/[studyId]/literature/chains">) {
  const { studyId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const { topics } = getStudySettings({ studyId });
  const chains = listChains({ studyId });
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/studies/${studyId}/literature`}>← Literature</Link>
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Build chains of papers</CardTitle>
          <p className="mb-3 text-sm text-[var(--foreground-soft)]">
            For a topic, the builder searches the study&apos;s literature, picks diverse anchor papers, then
            walks back through their references and forward through the papers citing them. Every choice is
            logged with its reason. Only papers within the study&apos;s cut-off are used.
          </p>
          <BuildForm studyId={studyId} topics={topics} defaults={defaultStoredOptions()} />
        </Card>
        <Card>
          <CardTitle>Built so far</CardTitle>
          {chains.length === 0 ? (
            <p className="text-sm text-[var(--foreground-soft)]" data-testid="no-chains">
              No chains yet.
            </p>
          ) : (
            <ul className="divide-y divide-[var(--border)] text-sm" data-testid="chain-list">
              {chains.map((c) => (
                <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <Link href={`/studies/${studyId}/literature/chains/${c.id}`}>{c.topic}</Link>
                  <span className="text-xs text-[var(--foreground-soft)]">
                    {STATUS_LABELS[displayStatus(c)]}
                    {c.result ? ` · ${c.result.chains.length} chains` : ""} ·{" "}
                    {new Date(c.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
