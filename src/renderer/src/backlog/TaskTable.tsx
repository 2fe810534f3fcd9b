// The backlog as a virtualised grid: only the visible rows are in the DOM, so thousands
// of tasks scroll smoothly.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Task } from '../../../shared/backlog';
import { PriorityChip, Points, StatusChip } from '../ui/Chips';
import { ClaimBadge } from '../agents/claims';
import type { SortKey, SortOrder } from './filterTasks';
import { useLastRuns } from '../runs/runsContext';
import { runFailed } from '../runs/lastRuns';
import { LastRunBadge } from '../runs/LastRunBadge';
import { READY_EXPLAINED } from '../board/TaskCard';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'id', label: 'ID' },
  { key: 'title', label: 'Title' },
  { key: 'priority', label: 'Priority' },
  { key: 'points', label: 'Pts' },
  { key: 'status', label: 'Status' },
  { key: 'sprint', label: 'Sprint' },
  { key: 'score', label: 'Score' },
];

interface Props {
  rows: Task[];
  ready: ReadonlySet<string>;
  sort: SortOrder;
  onSort(key: SortKey): void;
  openTaskId: string | null;
  onOpen(id: string): void;
  focus: { id: string; nonce: number } | null;
}

export function TaskTable({ rows, ready, sort, onSort, openTaskId, onOpen, focus }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastRuns = useLastRuns();
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 38, overscan: 12 });

  useEffect(() => {
    if (!focus) return;
    const index = rows.findIndex((r) => r.id === focus.id);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    // Only a new jump scrolls (the nonce changes); re-renders with the same focus do not.
  }, [focus?.nonce]);

  return (
    <div className="task-table" role="table" aria-label="Backlog tasks" aria-rowcount={rows.length + 1}>
      <div className="tt-row tt-head" role="row">
        {COLUMNS.map((c) => (
          <div key={c.key} role="columnheader" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
            <button type="button" className="th-button" onClick={() => onSort(c.key)}>
              {c.label}
              <span className="sort-mark" aria-hidden="true">
                {sort.key === c.key ? (sort.descending ? '▾' : '▴') : ''}
              </span>
            </button>
          </div>
        ))}
        <div role="columnheader">Depends on</div>
      </div>
      <div className="tt-body" ref={scrollRef} role="rowgroup">
        {rows.length === 0 && <div className="empty-state">No task matches these filters.</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const t = rows[item.index]!;
            return (
              <div
                key={t.id}
                role="row"
                tabIndex={0}
                data-task-id={t.id}
                aria-selected={openTaskId === t.id}
                className={`tt-row${openTaskId === t.id ? ' selected' : ''}${t.status === 'done' ? ' is-done' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(t.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onOpen(t.id);
                  }
                }}
              >
                <div role="cell" className="mono id-cell">
                  {t.id}
                  {ready.has(t.id) && !runFailed(lastRuns[t.id]) && <span className="ready-dot" role="img" aria-label={READY_EXPLAINED} title={READY_EXPLAINED} />}
                </div>
                <div role="cell" className="title-cell" title={t.title}>
                  {t.title}
                  {t.humanRequired && <span className="badge human" title={t.humanReason ?? 'Needs a person'}>human</span>}
                  <ClaimBadge taskId={t.id} />
                </div>
                <div role="cell">
                  <PriorityChip priority={t.priority} />
                </div>
                <div role="cell" className="num">
                  <Points points={t.points} />
                </div>
                <div role="cell">
                  <StatusChip status={t.status} raw={t.statusRaw} />
                  <LastRunBadge run={lastRuns[t.id]} />
                </div>
                <div role="cell" className="muted">{t.sprint ?? '—'}</div>
                <div role="cell" className="num">{t.scoreTotal ?? '—'}</div>
                <div role="cell" className="mono muted deps-cell">{t.dependencies.join(', ') || '—'}</div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
