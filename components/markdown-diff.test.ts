import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownDiff } from "./markdown-diff";

const render = (before: string, after: string) =>
  renderToStaticMarkup(createElement(MarkdownDiff, { before, after }));

describe("MarkdownDiff", () => {
  it("renders Markdown with removed and added runs marked, also across inline elements", () => {
    const html = render(
      "We test **small** graphs.\n\n- one\n",
      "We test **large** graphs.\n\n- one\n- two\n",
    );
    expect(html).toContain("<strong>");
    expect(html).toMatch(/<del class="[^"]*">small<\/del>/);
    expect(html).toMatch(/<ins class="[^"]*">large<\/ins>/);
    expect(html).toMatch(/<li>one<\/li>\s*<li><ins class="[^"]*">two<\/ins><\/li>/);
  });

  it("never renders raw HTML, scripts or javascript: links from either text", () => {
    const html = render(
      "Safe text.",
      'Safe text. <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3))',
    );
    expect(html).not.toMatch(/<script|onerror|<img|javascript:/i);
    expect(html).toContain("click");
  });
});
