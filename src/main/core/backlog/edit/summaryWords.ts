// Statuses and priorities in an edit's summary line are the label table's words, in
// running text ("B-12: status to do -> in progress", "already cancelled"): the summary is
// what the CLI prints and the app shows, so it never carries an identifier (`in_progress`,
// `skipped`). Lower case because they sit mid-sentence.
import type { Priority, Status } from '../../../../shared/backlog';
import { priorityLabel, statusLabel } from '../../../../shared/labels';

export function statusWords(status: Status, raw?: string): string {
  return statusLabel(status, raw).toLowerCase();
}

export function priorityWords(priority: Priority): string {
  return priorityLabel(priority).toLowerCase();
}
