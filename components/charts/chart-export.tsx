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

const SVG_NS = "http://www.w3.org/2000/svg";
const LEGEND_HEIGHT = 24;

/** The chart's own surface: Recharts also draws a small svg per legend icon. */
function chartSurface(box: HTMLElement): SVGSVGElement | null {
  const area = (el: Element) => el.getBoundingClientRect().width * el.getBoundingClientRect().height;
  const surfaces = [...box.querySelectorAll<SVGSVGElement>("svg.recharts-surface")].filter(
    (el) => !el.closest(".recharts-legend-wrapper"),
  );
  return surfaces.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** The HTML legend (series name and color) drawn as one row of SVG at the top of the figure. */
function legendOf(box: HTMLElement, width: number): SVGGElement | null {
  const items = [...box.querySelectorAll(".recharts-legend-item")];
  if (items.length === 0) return null;
  const group = document.createElementNS(SVG_NS, "g");
  let x = 8;
  for (const item of items) {
    const icon = item.querySelector("path");
    const color = icon ? getComputedStyle(icon).fill : "#000000";
    const label = item.querySelector(".recharts-legend-item-text")?.textContent ?? "";
    const swatch = document.createElementNS(SVG_NS, "rect");
    for (const [k, v] of Object.entries({ x, y: 6, width: 12, height: 12, fill: color }))
      swatch.setAttribute(k, String(v));
    const text = document.createElementNS(SVG_NS, "text");
    for (const [k, v] of Object.entries({ x: x + 16, y: 16, "font-size": 12, fill: "#1c1c1a" }))
      text.setAttribute(k, String(v));
    text.setAttribute("font-family", "Helvetica, Arial, sans-serif");
    text.textContent = label;
    group.append(swatch, text);
    x += 28 + label.length * 7;
    if (x > width) break;
  }
  return group;
}

function standaloneSvg(
  box: HTMLElement,
  svg: SVGSVGElement,
): { text: string; width: number; height: number } {
  const { width, height: chartHeight } = svg.getBoundingClientRect();
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
    // Attributes such as fill="var(--chart-1)" mean nothing outside the page: the computed value.
    for (const attr of [...out.attributes]) {
      if (!attr.value.includes("var(")) continue;
      const computed = style.getPropertyValue(attr.name);
      if (computed) out.setAttribute(attr.name, computed);
      else out.removeAttribute(attr.name);
    }
  });
  const legend = legendOf(box, width);
  const top = legend ? LEGEND_HEIGHT : 0;
  const height = chartHeight + top;
  const size = figureSize(width, height);
  const figure = document.createElementNS(SVG_NS, "svg");
  figure.setAttribute("xmlns", SVG_NS);
  figure.setAttribute("viewBox", `0 0 ${width} ${height}`);
  figure.setAttribute("width", `${size.widthIn}in`);
  figure.setAttribute("height", `${size.heightIn}in`);
  const background = document.createElementNS(SVG_NS, "rect");
  for (const [k, v] of Object.entries({ width: "100%", height: "100%", fill: "#ffffff" }))
    background.setAttribute(k, v);
  figure.append(background);
  if (legend) figure.append(legend);
  copy.removeAttribute("style");
  copy.removeAttribute("class");
  copy.setAttribute("y", String(top));
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(chartHeight));
  figure.append(copy);
  return { text: new XMLSerializer().serializeToString(figure), width, height };
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
  const svg = () => (box.current ? chartSurface(box.current) : null);
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
            const figure = standaloneSvg(box.current as HTMLDivElement, el);
            save(new Blob([figure.text], { type: "image/svg+xml" }), figureFileName(name, "svg"));
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
            const { text, width, height } = standaloneSvg(box.current as HTMLDivElement, el);
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
