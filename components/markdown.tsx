import ReactMarkdown from "react-markdown";

// Idea text is Markdown from writers, importers and models: raw HTML is never rendered (react-markdown
// escapes it by default), links open without giving the new page access to this one.
export function Markdown({ children, testId }: { children: string; testId?: string }) {
  return (
    <div className="markdown space-y-2 text-sm leading-relaxed" data-testid={testId}>
      <ReactMarkdown
        skipHtml
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
        {children}
      </ReactMarkdown>
    </div>
  );
}
