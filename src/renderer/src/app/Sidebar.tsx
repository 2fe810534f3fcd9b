import { useAppView } from './appStore';
import { VIEWS } from './views';

export function Sidebar() {
  const { view, setView } = useAppView();
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">◆</span> Taskdeck
      </div>
      {VIEWS.map((item) => (
        <button
          key={item.id}
          type="button"
          className={`nav-item${view === item.id ? ' active' : ''}`}
          aria-current={view === item.id ? 'page' : undefined}
          onClick={() => setView(item.id)}
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
