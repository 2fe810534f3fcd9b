// Validates its input (scripts/invalid-input.json) and rejects it: a validation error,
// which is never retried.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), 'invalid-input.json');
const input = JSON.parse(readFileSync(file, 'utf8'));
const problems = [];
if (typeof input.count !== 'number') problems.push(`"count" must be a number, got ${JSON.stringify(input.count)}`);
if (!Array.isArray(input.recipients) || input.recipients.length === 0) problems.push('"recipients" must list at least one address');
if (problems.length > 0) {
  console.error(`::error category=validation::invalid-input.json: ${problems.join('; ')}`);
  process.exit(2);
}
console.log('invalid-input: input is valid');
