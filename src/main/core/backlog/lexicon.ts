// The team's vocabulary (taskdeck.json `vocabulary`), compiled once per parse. The core
// stays pure: the words come in as data with the text, never read from a file here.
import type { Priority, Status } from '../../../shared/backlog';
import { EMPTY_VOCABULARY, type Vocabulary } from '../../../shared/vocabulary';
import { compileTeamWords, type TeamWords } from './teamWords';

export interface Lexicon {
  vocabulary: Vocabulary;
  status: TeamWords<Status> | null;
  priority: TeamWords<Priority> | null;
}

export function compileLexicon(vocabulary: Vocabulary = EMPTY_VOCABULARY): Lexicon {
  return {
    vocabulary,
    status: compileTeamWords<Status>(vocabulary.status),
    priority: compileTeamWords<Priority>(vocabulary.priority),
  };
}
