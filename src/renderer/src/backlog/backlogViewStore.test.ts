import { describe, expect, it } from 'vitest';
import { createBacklogViewStore } from './backlogViewStore';

describe('backlog view store', () => {
  it('toggles filters on and off and clears them', () => {
    const store = createBacklogViewStore();
    store.getState().toggleStatus('todo');
    store.getState().toggleStatus('blocked');
    store.getState().toggleStatus('todo');
    store.getState().togglePriority('high');
    store.getState().setSearch('cache');
    expect(store.getState().filters).toMatchObject({ statuses: ['blocked'], priorities: ['high'], search: 'cache' });
    store.getState().clearFilters();
    expect(store.getState().filters).toMatchObject({ statuses: [], priorities: [], search: '', sprint: null, readyOnly: false });
  });

  it('flips the sort direction on a second click of the same column', () => {
    const store = createBacklogViewStore();
    store.getState().sortBy('points');
    expect(store.getState().sort).toEqual({ key: 'points', descending: false });
    store.getState().sortBy('points');
    expect(store.getState().sort).toEqual({ key: 'points', descending: true });
    store.getState().sortBy('id');
    expect(store.getState().sort).toEqual({ key: 'id', descending: false });
  });

  it('jumps to a task: clears hiding filters, opens it, and scrolls again on a repeat jump', () => {
    const store = createBacklogViewStore();
    store.getState().toggleStatus('done');
    store.getState().jumpTo('B-7');
    const first = store.getState().focus!;
    expect(store.getState().filters.statuses).toEqual([]);
    expect(store.getState().openTaskId).toBe('B-7');
    store.getState().jumpTo('B-7');
    expect(store.getState().focus!.nonce).toBe(first.nonce + 1);
  });
});
