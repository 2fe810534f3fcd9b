// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { Markdown, safeHref } from './Markdown';

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
});
