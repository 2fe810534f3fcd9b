// What the ready dot on a card means, next to the board's controls.
import { READY_HINT } from './TaskCard';

export function ReadyLegend() {
  return (
    <span className="legend small muted" title={READY_HINT}>
      <span className="ready-dot" aria-hidden="true" /> ready to start
    </span>
  );
}
