import { useAppView } from './appStore';
import type { ViewName } from './appStore';

const ITEMS: { view: ViewName; label: string; icon: string }[] = [
  { view: 'backlog', label: 'Backlog', icon: '☰' },
  { view: 'board', label: 'Board', icon: '▦' },
];

export function Sidebar() {
  const { view, setView } = useAppView();
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">◆</span> Taskdeck
      </div>
      {ITEMS.map((item) => (
        <button
          key={item.view}
          type="button"
          className={`nav-item${view === item.view ? ' active' : ''}`}
          aria-current={view === item.view ? 'page' : undefined}
          onClick={() => setView(item.view)}
        >
          <span className="nav-icon" aria-hidden="true">
            {item.icon}
          </span>
          {item.label}
        </button>
      ))}
    </nav>
  );
}
