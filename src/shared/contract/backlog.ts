import { z } from 'zod';
import { method } from './method';
import type { BacklogJson } from '../backlog';

export const backlogMethods = {
  'backlog:list': method<BacklogJson>()(z.object({})),
} as const;
