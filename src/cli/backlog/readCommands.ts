// The commands that only show the backlog, in one module: they share the loader, the
// parse cache and the output helpers, and a CLI start pays for each module it loads
// (about half a millisecond each), so they load as one group rather than a chunk apiece.
export { listCommand } from './list';
export { showCommand } from './show';
export { validateCommand } from './validate';
export { graphCommand } from './graphCommand';
