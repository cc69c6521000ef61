"use client";

import { ActionForm, Field } from "@/components/action-form";
import { savePriceAction } from "./actions";

export function PriceForm() {
  return (
    <ActionForm
      action={savePriceAction}
      submitLabel="Save price"
      testId="price-form"
      resetOnSuccess
      success={() => <p className="text-sm">Saved.</p>}
    >
      <Field label="Model id" name="model" placeholder="e.g. llama3.1:8b" />
      <div className="grid grid-cols-2 gap-3">
        <Field label="Input $/M tokens" name="inputPerMTokUsd" inputMode="decimal" />
        <Field label="Output $/M tokens" name="outputPerMTokUsd" inputMode="decimal" />
      </div>
    </ActionForm>
  );
}
