"use client";

import type { ReactNode } from "react";
import { useRef, useState } from "react";
import { figureFileName, figureSize } from "@/lib/charts/export";

// Download the chart inside as SVG (vector, 6.5 in wide) or PNG (300 dpi), and its data as CSV. The
// page styles charts through CSS variables, which a file opened elsewhere cannot resolve, so each
// element's computed colors and fonts are written into the copy.

const STYLE_PROPS = [
  "fill",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "opacity",
  "fill-opacity",
  "stroke-opacity",
  "font-size",
  "font-family",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
] as const;

function standaloneSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll("*")];
  const target = [copy, ...copy.querySelectorAll("*")];
  source.forEach((el, i) => {
    const style = getComputedStyle(el);
    const out = target[i] as SVGElement;
    for (const prop of STYLE_PROPS) {
      const value = style.getPropertyValue(prop);
      if (value) out.style.setProperty(prop, value);
    }
  });
  const size = figureSize(width, height);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("viewBox", `0 0 ${width} ${height}`);
  copy.setAttribute("width", `${size.widthIn}in`);
  copy.setAttribute("height", `${size.heightIn}in`);
  copy.removeAttribute("style");
  const background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  copy.insertBefore(background, copy.firstChild);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function toPng(svgText: string, width: number, height: number): Promise<Blob> {
  const size = figureSize(width, height);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the chart could not be drawn"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = size.pngWidth;
    canvas.height = size.pngHeight;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no canvas");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function ChartExport({
  name,
  csv,
  children,
  testId,
}: {
  /** File name base, e.g. "score distribution novelty". */
  name: string;
  /** The chart's data as CSV text. */
  csv: string;
  children: ReactNode;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const svg = () => box.current?.querySelector<SVGSVGElement>("svg.recharts-surface") ?? null;
  const button = "rounded border border-[var(--border)] px-2 py-0.5 hover:bg-[var(--muted)]";
  return (
    <div className="space-y-2">
      <div ref={box}>{children}</div>
      <div className="flex flex-wrap items-center gap-2 text-xs" data-testid={testId ?? "chart-export"}>
        <span className="text-[var(--foreground-soft)]">Download:</span>
        <button
          type="button"
          className={button}
          data-testid="chart-export-svg"
          onClick={() => {
            const el = svg();
            if (!el) return setProblem("This chart has nothing to export yet.");
            save(new Blob([standaloneSvg(el).text], { type: "image/svg+xml" }), figureFileName(name, "svg"));
          }}
        >
          SVG
        </button>
        <button
          type="button"
          className={button}
          data-testid="chart-export-png"
          onClick={async () => {
            const el = svg();
            if (!el) return setProblem("This chart has nothing to export yet.");
            const { text, width, height } = standaloneSvg(el);
            try {
              save(await toPng(text, width, height), figureFileName(name, "png"));
            } catch (e) {
              setProblem(`The PNG could not be made: ${(e as Error).message}.`);
            }
          }}
        >
          PNG (300 dpi)
        </button>
        <button
          type="button"
          className={button}
          data-testid="chart-export-csv"
          onClick={() => save(new Blob([csv], { type: "text/csv" }), figureFileName(name, "csv"))}
        >
          Data (CSV)
        </button>
        {problem ? <span role="alert">{problem}</span> : null}
      </div>
    </div>
  );
}
