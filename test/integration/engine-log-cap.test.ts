// Each attempt's log is capped (taskdeck.json "logCapMB"): the head and the tail of the
// output are kept, the log and the record say it was truncated, and the output is still
// read to the end, so the task never blocks on a full pipe. Real processes, real store.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/main/project/config';
import { makeFixture, type Fixture } from './engineFixture';

let fx: Fixture | null = null;
afterEach(() => {
  fx?.cleanup();
  fx = null;
});

const CAP_MB = 0.25;
const CAP = CAP_MB * 1024 * 1024;

function backlogWith(command: string, timeout = ''): string {
  return `# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n| L-1 | Print a lot | P1 | 1 | todo | None |\n<!-- run: ${command} -->\n${timeout}`;
}

async function capFromConfig(): Promise<number> {
  const parsed = await parseConfig(JSON.stringify({ logCapMB: CAP_MB }), 'taskdeck.json');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.logCapMB ?? 0;
}

describe('log cap per attempt', () => {
  it('keeps the head and the tail of 3 MB of output under a 0.25 MB cap, and says so in the log and the record', async () => {
    // 3 MB of numbered lines, then a last line: the child must finish (nothing blocks it).
    const script = "let s = ''; for (let i = 0; i < 3 * 1024 * 16; i += 1) s += 'line ' + String(i).padStart(6, '0') + ' ' + 'x'.repeat(51) + '\\n'; process.stdout.write(s); console.log('THE-END');";
    fx = await makeFixture({ backlog: backlogWith(`node -e "${script}"`), config: { logCapMB: await capFromConfig() } });
    const result = await fx.engine.runOne('L-1');
    expect(result.ok && result.value.outcome).toBe('succeeded');
    if (!result.ok) return;
    const log = readFileSync(result.value.logPath, 'utf8');
    // The cap plus the marker lines.
    expect(statSync(result.value.logPath).size).toBeLessThan(CAP + 2048);
    expect(log).toContain('line 000000 ');
    expect(log).toMatch(/THE-END\n\n===== .* L-1 attempt 1 succeeded/);
    expect(log).toMatch(/===== log truncated: \d+ bytes of output left out here/);
    const truncated = fx.store.history('L-1').find((e) => e.type === 'log_truncated');
    expect(truncated?.data).toMatchObject({ capBytes: CAP, omittedBytes: expect.any(Number) });
    expect((truncated?.data as { omittedBytes: number }).omittedBytes).toBeGreaterThan(3 * 1024 * 1024 - CAP - 1024);
    const succeeded = fx.store.history('L-1').find((e) => e.type === 'succeeded');
    expect(succeeded?.data).toMatchObject({ logTruncated: true, stdoutBytes: 3 * 1024 * 1024 + 'THE-END\n'.length });
    // The tail's ring file is gone.
    expect(readdirSync(dirname(result.value.logPath)).filter((f) => f.endsWith('.tail'))).toEqual([]);
  }, 60_000);

  it('bounds the log of an endless task that times out', async () => {
    fx = await makeFixture({ backlog: backlogWith('yes taskdeck-endless-output', '<!-- timeout: 2 -->\n'), config: { logCapMB: await capFromConfig(), retry: { timeout: { maxRetries: 0 } } } });
    const result = await fx.engine.runOne('L-1');
    expect(result.ok && result.value.outcome).toBe('timeout');
    if (!result.ok) return;
    expect(statSync(result.value.logPath).size).toBeLessThan(result.value.attempts * (CAP + 2048));
    expect(readFileSync(result.value.logPath, 'utf8')).toMatch(/log truncated/);
    expect(fx.store.history('L-1').filter((e) => e.type === 'log_truncated')).toHaveLength(result.value.attempts);
    expect(existsSync(`${result.value.logPath}.tail`)).toBe(false);
  }, 120_000);

  it('leaves a log under the cap untouched', async () => {
    fx = await makeFixture({ backlog: backlogWith('echo small'), config: { logCapMB: await capFromConfig() } });
    const result = await fx.engine.runOne('L-1');
    expect(result.ok && result.value.outcome).toBe('succeeded');
    if (!result.ok) return;
    expect(readFileSync(result.value.logPath, 'utf8')).not.toMatch(/truncated/);
    expect(fx.store.history('L-1').some((e) => e.type === 'log_truncated')).toBe(false);
  });
});
