// The store's one time format: ISO-8601 UTC with milliseconds. It sorts as text, so
// range queries and indexes work on it, and sqlite's date functions read it.
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function toIsoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : toIso(ms);
}

export function fromIso(iso: string): number {
  return Date.parse(iso);
}

export function fromIsoOrNull(iso: string | null): number | null {
  return iso === null ? null : Date.parse(iso);
}
