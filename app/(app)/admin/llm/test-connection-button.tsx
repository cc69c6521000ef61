"use client";

import { ActionForm } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import type { ConnectionCheckResult } from "@/server/ai/check-connection";
import { testConnectionAction } from "./actions";

export function TestConnectionButton() {
  return (
    <ActionForm
      action={testConnectionAction}
      submitLabel="Test connection"
      pendingLabel="Calling the model…"
      testId="test-connection"
      success={(r: ConnectionCheckResult) =>
        r.ok ? (
          <Alert tone="success" testId="connection-ok">
            Connected to {r.provider} / {r.model} in {r.latencyMs} ms. Reply: “{r.reply}”
          </Alert>
        ) : (
          <Alert tone="error" testId="connection-failed">
            {r.provider === "none"
              ? r.error
              : `Could not reach ${r.provider}${r.model ? ` / ${r.model}` : ""}: ${r.error}`}
          </Alert>
        )
      }
    />
  );
}
