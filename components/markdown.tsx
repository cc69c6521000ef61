import type { ReactElement } from "react";
import renderMarkdown, { type Options } from "react-markdown";
import { Lru } from "@/lib/lru";

// Idea text is Markdown from writers, importers and models: raw HTML is never rendered (react-markdown
// escapes it by default), links open without giving the new page access to this one.
const OPTIONS: Omit<Options, "children"> = {
  skipHtml: true,
  components: {
    a: ({ href, children: text }) => (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {text}
      </a>
    ),
    img: ({ alt }) => <span className="italic">[image: {alt ?? "no description"}]</span>,
  },
  urlTransform: (url) => (/^(https?:|mailto:|#|\/)/i.test(url) ? url : ""),
};

// The same idea text is rendered on every load of every reviewer's page: parsing it is pure (same
// text, same options, same elements), so the element tree is kept for the most recently shown texts
// and reused. React elements are immutable, so sharing them between renders is safe.
const CACHE_ENTRIES = 300;
const MAX_CACHED_CHARS = 20_000;
const rendered = new Lru<string, ReactElement>(CACHE_ENTRIES);

/** The element tree for a Markdown text (cached; react-markdown's sync renderer has no hooks). */
export function markdownTree(text: string): ReactElement {
  if (text.length > MAX_CACHED_CHARS) return renderMarkdown({ ...OPTIONS, children: text });
  let tree = rendered.get(text);
  if (!tree) {
    tree = renderMarkdown({ ...OPTIONS, children: text });
    rendered.set(text, tree);
  }
  return tree;
}

export function Markdown({ children, testId }: { children: string; testId?: string }) {
  return (
    <div className="markdown space-y-2 text-sm leading-relaxed" data-testid={testId}>
      {markdownTree(children)}
    </div>
  );
}
