// Renders Markdown by walking remark-parse's syntax tree into React elements: no HTML
// string ever reaches the DOM, so a description cannot inject markup or scripts. Raw HTML
// in the source is shown as text.
import { Fragment, useMemo } from 'react';
import type { ReactNode } from 'react';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';
import { LinkedText, TaskLinkContext, type TaskLinks } from './taskLinks';

const parser = unified().use(remarkParse);

/** Only links a user would expect to follow; `javascript:` and friends become text. */
export function safeHref(url: string): string | null {
  return /^(https?:|mailto:)/i.test(url) ? url : null;
}

function children(nodes: readonly Nodes[]): ReactNode[] {
  return nodes.map((n, i) => <Fragment key={i}>{renderNode(n)}</Fragment>);
}

export function renderNode(node: Nodes): ReactNode {
  switch (node.type) {
    case 'root':
      return children(node.children);
    case 'paragraph':
      return <p>{children(node.children)}</p>;
    case 'heading': {
      // Headings inside a description sit under the drawer's own title: shift them down.
      const Tag = (['h3', 'h4', 'h5', 'h6', 'h6', 'h6'] as const)[node.depth - 1] ?? 'h6';
      return <Tag>{children(node.children)}</Tag>;
    }
    case 'text':
      return <LinkedText value={node.value} />;
    case 'emphasis':
      return <em>{children(node.children)}</em>;
    case 'strong':
      return <strong>{children(node.children)}</strong>;
    case 'delete':
      return <del>{children(node.children)}</del>;
    case 'inlineCode':
      return <code>{node.value}</code>;
    case 'code':
      return (
        <pre>
          <code>{node.value}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote>{children(node.children)}</blockquote>;
    case 'list':
      return node.ordered ? <ol start={node.start ?? undefined}>{children(node.children)}</ol> : <ul>{children(node.children)}</ul>;
    case 'listItem':
      return <li>{children(node.children)}</li>;
    case 'link': {
      const href = safeHref(node.url);
      // No task buttons inside a link.
      return href ? (
        <a href={href} target="_blank" rel="noreferrer noopener">
          <TaskLinkContext.Provider value={null}>{children(node.children)}</TaskLinkContext.Provider>
        </a>
      ) : (
        <span>{children(node.children)}</span>
      );
    }
    case 'image':
      return <span className="md-image">[{node.alt ?? 'image'}]</span>;
    case 'break':
      return <br />;
    case 'thematicBreak':
      return <hr />;
    case 'html':
      return <code className="md-html">{node.value}</code>;
    default:
      return 'children' in node ? children(node.children as Nodes[]) : 'value' in node ? String(node.value) : null;
  }
}

/** `taskLinks`: task IDs in the text that the backlog defines become buttons that open them. */
export function Markdown({ text, taskLinks = null }: { text: string; taskLinks?: TaskLinks | null }) {
  const tree = useMemo<Root>(() => parser.parse(text), [text]);
  return (
    <TaskLinkContext.Provider value={taskLinks}>
      <div className="markdown">{renderNode(tree)}</div>
    </TaskLinkContext.Provider>
  );
}
