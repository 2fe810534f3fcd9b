import { describe, expect, it } from 'vitest';
import { createWriteQueue } from './writeQueue';

describe('createWriteQueue', () => {
  it('runs jobs one at a time, in order, and keeps going after a failure', async () => {
    const enqueue = createWriteQueue();
    const log: string[] = [];
    const job = (name: string, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([enqueue(job('a')), enqueue(job('b', true)), enqueue(job('c'))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
