// The store's attempt outcomes in the analytics core's vocabulary. An interrupted attempt
// (the app or machine went away) says nothing about the task, like a cancelled one.
import type { AttemptOutcome } from '../../core/analytics/types';

export function toCoreOutcome(outcome: string | null): AttemptOutcome | null {
  switch (outcome) {
    case 'succeeded':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'timeout':
      return 'timeout';
    case 'cancelled':
    case 'interrupted':
      return 'cancelled';
    default:
      return null;
  }
}

/** SQL for "this attempt counts": finished and neither cancelled nor interrupted (one definition, in the store). */
export { COUNTED_ATTEMPT as COUNTED } from '../../store/figureSql';
