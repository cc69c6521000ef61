"use client";

import { ActionForm, Field } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import type { SourceTestResult } from "@/server/literature/test-connection";
import { saveLiteratureSettingsAction, testSourceAction } from "./actions";

export function LiteratureSettingsForm({
  hasS2Key,
  hasOpenAlexKey,
  email,
  offline,
}: {
  hasS2Key: boolean;
  hasOpenAlexKey: boolean;
  email: string;
  offline: boolean;
}) {
  return (
    <ActionForm
      action={saveLiteratureSettingsAction}
      submitLabel="Save settings"
      testId="literature-settings"
      success={() => "Saved."}
    >
      <Field
        label="Semantic Scholar API key"
        name="s2ApiKey"
        type="password"
        autoComplete="off"
        hint={
          hasS2Key ? "A key is set; leave empty to keep it." : "None set: the shared pool answers 429 often."
        }
      />
      <Field
        label="OpenAlex API key"
        name="openalexApiKey"
        type="password"
        autoComplete="off"
        hint={
          hasOpenAlexKey ? "A key is set; leave empty to keep it." : "OpenAlex's current terms require one."
        }
      />
      <Field label="OpenAlex contact email (mailto)" name="openalexEmail" type="email" defaultValue={email} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="offline" defaultChecked={offline} data-testid="offline" /> Offline mode:
        answer only from the response cache
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="clearKeys" /> Remove the saved keys (the .env values apply again)
      </label>
    </ActionForm>
  );
}

export function TestSourceButton({ source, label }: { source: string; label: string }) {
  return (
    <ActionForm
      action={testSourceAction}
      submitLabel={`Test ${label}`}
      pendingLabel="Testing…"
      variant="secondary"
      testId={`test-${source}`}
      className="space-y-2"
      success={(r: SourceTestResult) => <Alert tone={r.ok ? "success" : "error"}>{r.message}</Alert>}
    >
      <input type="hidden" name="source" value={source} />
    </ActionForm>
  );
}
