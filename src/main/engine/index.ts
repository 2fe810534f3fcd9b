// The execution engine's public face for the CLI, the API handlers and the app:
// see docs/engine.md.
export { Engine } from './engine';
export type { AutoOptions, AutoPlan, AutoSummary, EngineConfig, EngineError, EngineErrorCode, EngineOptions, EngineResult, MarkDone, PlannedTask } from './engineTypes';
export type { RunEvent, RunListener, TaskOutcome } from './runEvents';
export { RunEvents } from './runEvents';
export type { TaskRunResult } from './runTask';
export { markDoneInBacklog } from './markDoneInBacklog';
export { resolveCommand, DEFAULT_TIMEOUT_MS, type ResolvedCommand } from './resolveCommand';
export { checkTrust, configDir, isTrusted, trustFilePath, trustFolder, untrustFolder, untrustedMessage } from './trust';
export type { TaskCommand, TrustCheck, UntrustedCommand } from './trust';
