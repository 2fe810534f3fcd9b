// The <option> lists of a status or a priority picker, in the label table's words, so the
// new-task form and the drawer's field editor offer exactly the same choices.
import { STATUSES } from '../../../shared/backlog';
import { KNOWN_PRIORITIES } from '../../../shared/vocabulary';
import { PRIORITY_LABEL, STATUS_LABEL } from './labels';

export function StatusOptions() {
  return (
    <>
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABEL[s]}
        </option>
      ))}
    </>
  );
}

export function PriorityOptions() {
  return (
    <>
      {KNOWN_PRIORITIES.map((p) => (
        <option key={p} value={p}>
          {PRIORITY_LABEL[p]}
        </option>
      ))}
    </>
  );
}
