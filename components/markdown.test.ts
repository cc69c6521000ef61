import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, markdownTree } from "./markdown";

// Markdown has no hooks, so calling it gives the element the page would render.
const html = (text: string) => renderToStaticMarkup(Markdown({ children: text }));

describe("Markdown", () => {
  it("renders safely: no raw HTML, links without opener, images as text, unsafe URLs dropped", () => {
    const out = html(
      "# T\n\nA [link](https://x.org) <b>raw</b> ![pic](https://x.org/p.png) [bad](javascript:alert(1))",
    );
    expect(out).toContain(
      '<a href="https://x.org" target="_blank" rel="noopener noreferrer nofollow">link</a>',
    );
    expect(out).not.toContain("<b>");
    expect(out).toContain('<span class="italic">[image: pic]</span>');
    expect(out).toContain('<a href="" target="_blank"');
  });

  it("reuses the element tree of a text it rendered recently, and the output is unchanged", () => {
    const text = `Idea ${Math.random()}\n\n- one\n- **two**`;
    const first = html(text);
    expect(markdownTree(text)).toBe(markdownTree(text));
    expect(html(text)).toBe(first);
    expect(html(`${text} more`)).not.toBe(first);
  });
});
