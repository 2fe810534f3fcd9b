import { describe, expect, it } from 'vitest';
import { checkRedis, maskRedisUrl, maskSecrets } from './redisUrl';

describe('maskRedisUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(maskRedisUrl('redis://:s3cret@host:6379/2')).toBe('redis://:***@host:6379/2');
    expect(maskRedisUrl('rediss://alice:s3cret@host:6380')).toBe('rediss://alice:***@host:6380');
    expect(maskRedisUrl('redis://s3cret@host')).toBe('redis://***@host');
    expect(maskRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('masks the URL and the bare password (also percent-decoded) inside any message', () => {
    const url = 'redis://:p%40ss@host:6379';
    expect(maskSecrets(`failed for ${url}: WRONGPASS p@ss`, url)).toBe('failed for redis://:***@host:6379: WRONGPASS ***');
  });
});

describe('checkRedis', () => {
  it('answers with one masked line when nothing listens', async () => {
    const message = await checkRedis('redis://:topsecret@127.0.0.1:1', 2000);
    expect(message).toMatch(/^cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1: /);
    expect(message).not.toContain('topsecret');
    expect(message).not.toContain('\n');
  });
});
