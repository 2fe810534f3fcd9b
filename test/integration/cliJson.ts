// The CLI's `--json` output as the cross-surface tests read it: by path, in assertions that
// compare its values with the other surfaces (the API, the app, the record). It is typed
// loosely on purpose: a wrong path fails the assertion it is in, which is the check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CliJson = any;
