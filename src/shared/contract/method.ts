import type { z } from 'zod';

/** Declares a method: its argument schema, and its result type as a phantom. */
export function method<Result>() {
  return <Args extends z.ZodType>(args: Args) => ({ args, result: undefined as unknown as Result });
}
