"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export type ListColumn = {
  key: string;
  label: string;
  type: "text" | "textarea" | "checkbox" | "number" | "single";
  /** Read-only on rows that collected data already uses. */
  lockedWhenUsed?: boolean;
  width?: string;
};

type Row = Record<string, string | number | boolean | null | undefined> & {
  _used?: boolean;
  _note?: string;
  _rid?: string;
};

const withRowId = (r: Row): Row => ({ ...r, _rid: r._rid ?? crypto.randomUUID() });

/**
 * Edits an ordered list (topics, conditions, template fields) and saves it whole. Rows that data
 * already uses cannot be removed, and their locked columns cannot change; the server checks again.
 */
export function ListEditor({
  studyId,
  columns,
  initialRows,
  blankRow,
  save,
  itemName,
  itemNamePlural = `${itemName}s`,
  testId,
  disabledReason,
}: {
  studyId: string;
  columns: ListColumn[];
  initialRows: Row[];
  blankRow: Row;
  save: (input: { studyId: string; items: Row[] }) => Promise<ActionResult<unknown>>;
  itemName: string;
  /** Where adding "s" is wrong ("criteria"). */
  itemNamePlural?: string;
  testId: string;
  disabledReason?: string | null;
}) {
  const [rows, setRows] = useState<Row[]>(() => initialRows.map(withRowId));
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, setPending] = useState(false);
  const locked = !!disabledReason;

  function set(i: number, key: string, value: string | number | boolean | null) {
    setRows((rs) =>
      rs.map((r, j) => {
        if (key && columns.find((c) => c.key === key)?.type === "single") return { ...r, [key]: j === i };
        return j === i ? { ...r, [key]: value } : r;
      }),
    );
  }
  function move(i: number, d: -1 | 1) {
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(i, 1);
      if (row === undefined) return rs;
      next.splice(i + d, 0, row);
      return next;
    });
  }
  async function onSave() {
    setPending(true);
    const items = rows.map(({ _used: _u, _note: _n, _rid: _r, ...r }) => r);
    setResult(
      await save({ studyId, items }).catch(
        () => ({ ok: false, error: "internal:network", message: "Could not reach the server." }) as const,
      ),
    );
    setPending(false);
  }
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  // Each row's errors, led by the column's label ("Name: enter a topic name.").
  const rowErrors = (i: number) =>
    Object.entries(errors).flatMap(([k, messages]) => {
      const field = [`items.${i}`, String(i)].flatMap((p) =>
        k === p ? [""] : k.startsWith(`${p}.`) ? [k.slice(p.length + 1)] : [],
      )[0];
      if (field === undefined) return [];
      const label = columns.find((c) => c.key === field)?.label;
      return messages.map((m) => (label ? `${label}: ${m}` : m));
    });

  return (
    <div className="space-y-3" data-testid={testId}>
      {disabledReason ? <Alert tone="info">{disabledReason}</Alert> : null}
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li
            key={row._rid}
            className="rounded-md border border-[var(--border)] p-3"
            data-testid={`${testId}-row-${i}`}
          >
            <div className="flex flex-wrap items-end gap-3">
              {columns.map((c) => {
                const ro = locked || (c.lockedWhenUsed && row._used);
                const id = `${testId}-${i}-${c.key}`;
                const value = row[c.key];
                return (
                  <label
                    key={c.key}
                    htmlFor={id}
                    className={`flex flex-col gap-1 text-xs ${c.width ?? "min-w-32 flex-1"}`}
                  >
                    <span className="font-medium">{c.label}</span>
                    {c.type === "checkbox" || c.type === "single" ? (
                      <input
                        id={id}
                        type={c.type === "single" ? "radio" : "checkbox"}
                        name={c.type === "single" ? `${testId}-${c.key}` : undefined}
                        checked={!!value}
                        disabled={ro}
                        onChange={(e) => set(i, c.key, e.target.checked)}
                        data-testid={id}
                      />
                    ) : c.type === "textarea" ? (
                      <textarea
                        id={id}
                        rows={2}
                        value={String(value ?? "")}
                        readOnly={ro}
                        onChange={(e) => set(i, c.key, e.target.value)}
                        className="rounded border border-[var(--border)] bg-[var(--background)] px-2 py-1 text-sm"
                        data-testid={id}
                      />
                    ) : (
                      <input
                        id={id}
                        type={c.type === "number" ? "number" : "text"}
                        value={value === null || value === undefined ? "" : String(value)}
                        readOnly={ro}
                        onChange={(e) =>
                          set(
                            i,
                            c.key,
                            c.type === "number"
                              ? e.target.value === ""
                                ? null
                                : Number(e.target.value)
                              : e.target.value,
                          )
                        }
                        className="rounded border border-[var(--border)] bg-[var(--background)] px-2 py-1 text-sm read-only:opacity-70"
                        data-testid={id}
                      />
                    )}
                  </label>
                );
              })}
              {!locked ? (
                <div className="flex gap-1">
                  <Button
                    variant="ghost"
                    aria-label={`Move ${itemName} ${i + 1} up`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    aria-label={`Move ${itemName} ${i + 1} down`}
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    variant="ghost"
                    aria-label={`Remove ${itemName} ${i + 1}`}
                    disabled={!!row._used}
                    title={row._used ? "In use by collected data" : undefined}
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                  >
                    ✕
                  </Button>
                </div>
              ) : null}
            </div>
            {row._note ? <p className="mt-1 text-xs text-[var(--foreground-soft)]">{row._note}</p> : null}
            {rowErrors(i).length > 0 ? (
              <p className="mt-1 text-xs text-red-700" data-testid={`${testId}-error-${i}`}>
                {rowErrors(i).join(" ")}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {!locked ? (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            onClick={() => setRows((rs) => [...rs, withRowId({ ...blankRow })])}
            data-testid={`${testId}-add`}
          >
            Add {itemName}
          </Button>
          <Button onClick={() => void onSave()} disabled={pending} data-testid={`${testId}-save`}>
            {pending ? "Saving…" : `Save ${itemNamePlural}`}
          </Button>
        </div>
      ) : null}
      {result && !result.ok ? (
        <Alert tone="error" testId={`${testId}-failed`}>
          {result.message}
        </Alert>
      ) : null}
      {result?.ok ? (
        <Alert tone="success" testId={`${testId}-saved`}>
          Saved.
        </Alert>
      ) : null}
    </div>
  );
}
