import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countCachedResponses } from "@/db/queries/literature/http-cache";
import { guardPage } from "@/server/auth/guarded-handlers";
import { getLiteratureConfig } from "@/server/literature/config";
import { LiteratureSettingsForm, TestSourceButton } from "./settings-forms";

export const metadata: Metadata = { title: "Literature sources" };

const SOURCES = [
  ["semantic_scholar", "Semantic Scholar"],
  ["openalex", "OpenAlex"],
  ["arxiv", "arXiv"],
] as const;

export default async function LiteratureSettingsPage() {
  await guardPage({ admin: true });
  const config = getLiteratureConfig();
  const cached = countCachedResponses();
  return (
    <>
      <PageHeader
        title="Literature sources"
        description="Keys and contact email of the paper connectors; saved values override .env."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>Settings</CardTitle>
          {config.offline ? (
            <div className="mb-3">
              <Alert tone="warning" testId="offline-on">
                Offline mode is on: connectors answer only from the response cache.
              </Alert>
            </div>
          ) : null}
          <LiteratureSettingsForm
            hasS2Key={config.s2ApiKey != null}
            hasOpenAlexKey={config.openalexApiKey != null}
            email={config.openalexEmail ?? ""}
            offline={config.offline}
          />
        </Card>
        <Card>
          <CardTitle>Test connection</CardTitle>
          <div className="space-y-4">
            {SOURCES.map(([source, label]) => (
              <TestSourceButton key={source} source={source} label={label} />
            ))}
          </div>
          <p className="mt-4 text-sm text-[var(--foreground-soft)]" data-testid="cache-counts">
            Cached responses:{" "}
            {cached.length === 0 ? "none yet" : cached.map((c) => `${c.source} ${c.n}`).join(", ")}.
          </p>
        </Card>
      </div>
    </>
  );
}
