// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { Markdown, safeHref } from './Markdown';
import { splitTaskMentions } from './taskLinks';

afterEach(cleanup);

describe('Markdown', () => {
  it('renders structure from the syntax tree', () => {
    const { container } = render(<Markdown text={'Intro **bold** and `code`.\n\n- one\n- two\n\n```\nx = 1\n```'} />);
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('p code')?.textContent).toBe('code');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('pre code')?.textContent).toBe('x = 1');
  });

  it('never injects raw HTML and drops unsafe links', () => {
    const { container } = render(<Markdown text={'<img src=x onerror="alert(1)">\n\n[click](javascript:alert(1)) [ok](https://example.com)'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://example.com');
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
  });

  it('allows only http(s) and mailto hrefs', () => {
    expect(safeHref('https://a.b')).toBe('https://a.b');
    expect(safeHref('mailto:x@y.z')).toBe('mailto:x@y.z');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
  });

  it('links the task IDs the backlog defines, with the format\'s ID grammar', () => {
    const opened: string[] = [];
    const ids = new Set(['US-FE-001', 'APP-IOS-7', 'ABC2-123', 'B-096']);
    const text = 'Needs **US-FE-001** and APP\u2011IOS\u20117, then ABC2-123; B-096-Scribe too. Not X-9, docs/ABC2-123.md or [ABC2-123](https://x.example).';
    const { container } = render(<Markdown text={text} taskLinks={{ ids, open: (id) => opened.push(id) }} />);
    const buttons = [...container.querySelectorAll('button.task-link')];
    expect(buttons.map((b) => b.textContent)).toEqual(['US-FE-001', 'APP\u2011IOS\u20117', 'ABC2-123', 'B-096']);
    fireEvent.click(buttons[1]!);
    expect(opened).toEqual(['APP-IOS-7']);
    expect(container.querySelector('a button')).toBeNull();
    expect(container.textContent).toBe(text.replace(/\*\*/g, '').replace('[ABC2-123](https://x.example)', 'ABC2-123'));
  });

  it('leaves text alone without task links', () => {
    const { container } = render(<Markdown text="Needs US-FE-001" />);
    expect(container.querySelector('button')).toBeNull();
    expect(splitTaskMentions('B-1/B-2 and B-3.md', new Set(['B-1', 'B-2', 'B-3']))).toEqual([{ text: 'B-1', id: 'B-1' }, { text: '/' }, { text: 'B-2', id: 'B-2' }, { text: ' and B-3.md' }]);
  });
});
