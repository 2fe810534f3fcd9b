// A task's log: virtualised (only visible lines are in the DOM), ANSI colours, follows
// the tail until the user scrolls up, and a search that jumps between matches.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LogLine } from './liveRuns';
import { ansiToHtml, stripAnsi } from './ansi';
import { plural } from '../../../shared/pluralise';

const LINE_HEIGHT = 18;

export function LogView({ lines, version, label }: { lines: readonly LogLine[]; version: number; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const count = lines.length;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => LINE_HEIGHT, overscan: 20 });

  const matches = useMemo(() => {
    if (!query) return [];
    const q = query.toLowerCase();
    const out: number[] = [];
    lines.forEach((l, i) => {
      if (stripAnsi(l.text).toLowerCase().includes(q)) out.push(i);
    });
    return out;
    // `version` is a dependency on purpose: lines are appended in place, so it changes when they do.
  }, [lines, query, version]);

  useEffect(() => {
    if (follow && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [follow, count, version, virtualizer]);

  function jump(delta: number): void {
    if (matches.length === 0) return;
    const next = (matchIndex + delta + matches.length) % matches.length;
    setMatchIndex(next);
    setFollow(false);
    virtualizer.scrollToIndex(matches[next]!, { align: 'center' });
  }

  const current = matches[matchIndex] ?? -1;
  return (
    <div className="log-view">
      <div className="log-toolbar">
        <input
          type="search"
          className="log-search"
          placeholder="Search the log"
          aria-label={`Search the log of ${label}`}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setMatchIndex(0);
          }}
          onKeyDown={(e) => e.key === 'Enter' && jump(e.shiftKey ? -1 : 1)}
        />
        <span className="muted small" aria-live="polite">
          {query ? (matches.length ? `${matchIndex + 1} of ${matches.length}` : 'no match') : plural(count, 'line')}
        </span>
        <button type="button" onClick={() => jump(-1)} disabled={!matches.length} aria-label="Previous match">↑</button>
        <button type="button" onClick={() => jump(1)} disabled={!matches.length} aria-label="Next match">↓</button>
        <label className="check small">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
      </div>
      <div
        ref={scrollRef}
        className="log-scroll mono"
        role="log"
        aria-label={`Log of ${label}`}
        tabIndex={0}
        onWheel={(e) => e.deltaY < 0 && setFollow(false)}
      >
        {count === 0 ? <div className="log-empty muted">No output yet.</div> : null}
        <div className="log-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index]!;
            return (
              <div
                key={item.key}
                className={`log-line ${line.stream}${item.index === current ? ' current-match' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                dangerouslySetInnerHTML={{ __html: ansiToHtml(line.text) || '&nbsp;' }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
