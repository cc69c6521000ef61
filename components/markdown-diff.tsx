import ReactMarkdown from "react-markdown";
import type { DiffSegment } from "@/lib/ideas/diff";
import { markedDiff, splitMarked } from "@/lib/ideas/diff-markers";

// The word diff between two Markdown texts, rendered as Markdown: removed runs struck through, added
// ones marked. Rendering is as safe as components/markdown.tsx (raw HTML skipped, only http(s),
// mailto and relative links, images shown as their description); the only elements added are <ins>
// and <del> holding plain text.

type Node = { type: string; value?: string; tagName?: string; children?: Node[]; properties?: object };

const CLASSES: Record<Exclude<DiffSegment["type"], "same">, string> = {
  removed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  added: "bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200",
};

/** Turns the marker characters into <ins>/<del>; a run may span several text nodes and elements. */
function rehypeDiffMarks() {
  return (tree: Node) => {
    let mode: DiffSegment["type"] = "same";
    const walk = (node: Node) => {
      if (!node.children) return;
      node.children = node.children.flatMap((child): Node[] => {
        if (child.type !== "text") {
          walk(child);
          return [child];
        }
        const split = splitMarked(child.value ?? "", mode);
        mode = split.mode;
        return split.pieces.map((p) =>
          p.type === "same"
            ? { type: "text", value: p.text }
            : {
                type: "element",
                tagName: p.type === "added" ? "ins" : "del",
                properties: { className: [CLASSES[p.type]] },
                children: [{ type: "text", value: p.text }],
              },
        );
      });
    };
    walk(tree);
  };
}

export function MarkdownDiff({ before, after, testId }: { before: string; after: string; testId?: string }) {
  return (
    <div className="markdown space-y-2 text-sm leading-relaxed" data-testid={testId}>
      <ReactMarkdown
        skipHtml
        rehypePlugins={[rehypeDiffMarks]}
        components={{
          a: ({ href, children: text }) => (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {text}
            </a>
          ),
          img: ({ alt }) => <span className="italic">[image: {alt ?? "no description"}]</span>,
        }}
        urlTransform={(url) => (/^(https?:|mailto:|#|\/)/i.test(url) ? url : "")}
      >
        {markedDiff({ before, after })}
      </ReactMarkdown>
    </div>
  );
}
