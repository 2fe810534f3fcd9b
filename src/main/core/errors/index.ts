// Pure error rules: classify a failure, rate its severity, choose its retry strategy and
// recovery action. No I/O; the engine applies them and the store records them.
export * from './types';
export * from './classify';
export * from './severity';
export * from './retry';
export * from './recovery';
export { globFolder, globToRegExp, matchesGlob } from './globPattern';
export { categorizedMessage } from './errorMessage';
