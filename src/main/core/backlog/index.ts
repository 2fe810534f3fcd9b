// Public surface of the backlog core. Pure functions over strings and plain data.
export { parseBacklog } from './parse';
export type { ParseResult } from './parse';
