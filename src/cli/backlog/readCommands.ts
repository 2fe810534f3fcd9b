// The commands that show one task or the graph (show, validate, graph), in one module: they share the loader, the
// parse cache and the output helpers, and a CLI start pays for each module it loads
// (about half a millisecond each), so they load as one group rather than a chunk apiece.
export { showCommand } from './show';
export { validateCommand } from './validate';
export { graphCommand } from './graphCommand';
