// Public surface of the backlog core. Pure functions over strings and plain data.
export { parseBacklog } from './parse';
export type { ParseResult, ParseOptions } from './parse';
export type { SourceMap, TaskSource, TableInfo, RowSource, HeadingSource, ColumnField, EditableField, CellSpan } from './source';
export { splitLines } from './lines';
export { splitRow, isPipeLine, isDelimiterRow, endsWithPipe } from './cells';
export { idFromCell, isTaskId, normalizeId, findIdMentions, splitTaskId, formatTaskId, TASK_ID_SOURCE } from './ids';
export type { TaskIdParts } from './ids';
export { normalizeStatus, statusFromKeywords, STATUS_EMOJI } from './normalizeStatus';
export { normalizePriority, priorityFromWords, PRIORITY_EMOJI } from './normalizePriority';
export { parsePoints, parseSprint } from './fieldValues';
export { parseScore, computeScoreTotal } from './score';
export { parseDependencies } from './dependencies';
export { fieldForName, CANONICAL_HEADERS } from './headers';
