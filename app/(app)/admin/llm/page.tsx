import type { Metadata } from "next";
import { InlineAction } from "@/components/inline-action";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { getLlmCallTotals, getRecentLlmCalls, listModelPrices } from "@/db/queries/ai";
import { formatCount, formatUtcDateTime } from "@/lib/format";
import { getLlmConfig } from "@/server/ai/providers";
import { guardPage } from "@/server/auth/guarded-handlers";
import { deletePriceAction } from "./actions";
import { PriceForm } from "./price-form";
import { TestConnectionButton } from "./test-connection-button";

export const metadata: Metadata = { title: "LLM status" };

const usd = (v: number | null) => (v === null ? "unknown" : `$${v.toFixed(v < 1 ? 4 : 2)}`);

export default async function LlmStatusPage() {
  await guardPage({ admin: true });
  const config = getLlmConfig();
  const { overall, byPurposeModel } = getLlmCallTotals();
  const recent = getRecentLlmCalls({ limit: 10 });
  const prices = listModelPrices();
  return (
    <>
      <PageHeader
        title="LLM status"
        description="The model behind normalization, LLM judging and the ideation agents."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card data-testid="llm-config">
          <CardTitle>Configuration</CardTitle>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
            <dt className="text-[var(--foreground-soft)]">Provider</dt>
            <dd data-testid="llm-provider">
              {config.provider === "mock" ? "mock (deterministic, for tests only)" : config.provider}
            </dd>
            <dt className="text-[var(--foreground-soft)]">Model</dt>
            <dd>{config.model ?? "—"}</dd>
            <dt className="text-[var(--foreground-soft)]">Base URL</dt>
            <dd>{config.baseUrl ?? "provider default"}</dd>
          </dl>
          <div className="mt-4 space-y-3">
            {config.configured ? null : (
              <Alert tone="warning" testId="llm-not-configured">
                {config.problem} Human-only studies work without a model. See the README section “LLM
                providers”.
              </Alert>
            )}
            <TestConnectionButton />
          </div>
        </Card>
        <Card data-testid="llm-totals">
          <CardTitle>Calls so far</CardTitle>
          <p className="mb-3 text-sm">
            <span data-testid="llm-total-calls">{formatCount(overall.calls)}</span> calls (
            {formatCount(overall.cachedCalls)} from cache, {formatCount(overall.errors)} failed) ·{" "}
            {formatCount(overall.inputTokens)} input and {formatCount(overall.outputTokens)} output tokens ·
            estimated cost {usd(overall.costUsd)}
            {overall.unpricedCalls > 0
              ? ` (plus ${formatCount(overall.unpricedCalls)} calls to models without a price)`
              : ""}
          </p>
          {byPurposeModel.length === 0 ? (
            <p className="text-sm text-[var(--foreground-soft)]">
              No calls yet. Use “Test connection” or start a test job.
            </p>
          ) : (
            <DataTable
              columns={[
                "Purpose",
                "Model",
                { label: "Calls", align: "right" },
                { label: "Tokens in/out", align: "right" },
                { label: "Cost", align: "right" },
              ]}
            >
              {byPurposeModel.map((r) => (
                <tr key={`${r.purpose}/${r.model}`} className="border-t border-[var(--border)]">
                  <td className="py-1 pr-2">{r.purpose}</td>
                  <td className="py-1 pr-2">{r.model}</td>
                  <td className="py-1 pr-2 text-right">{formatCount(r.calls)}</td>
                  <td className="py-1 pr-2 text-right">
                    {formatCount(r.inputTokens)} / {formatCount(r.outputTokens)}
                  </td>
                  <td className="py-1 text-right">
                    {r.unpricedCalls === r.calls ? "unknown" : usd(r.costUsd)}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
        <Card>
          <CardTitle>Recent calls</CardTitle>
          {recent.length === 0 ? (
            <p className="text-sm text-[var(--foreground-soft)]">None yet.</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="recent-calls">
              {recent.map((c) => (
                <li key={c.id}>
                  {formatUtcDateTime(c.createdAt, { seconds: true, zone: false })} · {c.purpose} · {c.model} ·{" "}
                  {c.cached ? "cache hit" : `${c.latencyMs} ms`}
                  {c.attempts > 1 ? ` · ${c.attempts} attempts` : ""}
                  {c.error ? <span className="text-red-700 dark:text-red-400"> · {c.error}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardTitle>Prices (USD per million tokens)</CardTitle>
          <p className="mb-3 text-xs text-[var(--foreground-soft)]">
            Used to estimate cost. Edit them to match your contract; local models have no price unless you add
            one.
          </p>
          <DataTable
            testId="price-table"
            className="mb-4"
            columns={["Model", { label: "Input", align: "right" }, { label: "Output", align: "right" }, ""]}
          >
            {prices.map((p) => (
              <tr key={p.model} className="border-t border-[var(--border)]">
                <td className="py-1 pr-2">{p.model}</td>
                <td className="py-1 pr-2 text-right">{p.inputPerMTokUsd}</td>
                <td className="py-1 pr-2 text-right">{p.outputPerMTokUsd}</td>
                <td className="py-1 text-right">
                  {p.source === "custom" ? (
                    <InlineAction action={deletePriceAction} label="reset" fields={{ model: p.model }} />
                  ) : (
                    <span className="text-xs text-[var(--foreground-soft)]">default</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          <PriceForm />
        </Card>
      </div>
    </>
  );
}
