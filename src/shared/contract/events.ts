// Events the backend pushes to the UI: over IPC in Electron, over SSE in a browser.

/** Declares an event by its payload type (a phantom, like method results). */
function event<Payload>() {
  return undefined as unknown as Payload;
}

export const backlogEvents = {
  /** The backlog file changed: `source` says whether this session wrote it or someone else did. */
  'backlog:changed': event<{ hash: string | null; source: 'edit' | 'external' | 'open' }>(),
};
