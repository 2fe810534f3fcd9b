// The app uses the one label table (src/shared/labels.ts) the CLI uses.
export { PRIORITY_LABEL, STATUS_LABEL } from '../../../shared/labels';
