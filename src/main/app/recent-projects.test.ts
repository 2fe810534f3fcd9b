import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addRecentProject, MAX_RECENT_PROJECTS, pruneRecentProjects, recentProjectLabel, removeRecentProject } from './recent-projects';

describe('recent projects', () => {
  it('puts the opened folder first and removes its older entry', () => {
    expect(addRecentProject(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    expect(addRecentProject(['/a/', '/b'], '/a')).toEqual(['/a', '/b']);
  });
  it('keeps at most the limit, without duplicates (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('/a', '/b', '/c', '/d', '/e', '/f', '/g', '/h', '/i', '/j', '/k', '/l')), (opened) => {
        const list = opened.reduce<string[]>((acc, dir) => addRecentProject(acc, dir), []);
        expect(list.length).toBeLessThanOrEqual(MAX_RECENT_PROJECTS);
        expect(new Set(list).size).toBe(list.length);
        if (opened.length > 0) expect(list[0]).toBe(opened.at(-1));
      }),
    );
  });
  it('prunes folders that are gone and removes one on request', () => {
    expect(pruneRecentProjects(['/a', '/gone', '/b'], (d) => d !== '/gone')).toEqual(['/a', '/b']);
    expect(removeRecentProject(['/a', '/b/'], '/b')).toEqual(['/a']);
  });
  it('labels a folder by name and parent', () => {
    expect(recentProjectLabel('/home/me/work/shop/')).toBe('shop — work');
    expect(recentProjectLabel('C:\\code\\shop')).toBe('shop — code');
    expect(recentProjectLabel('/shop')).toBe('shop');
  });
});
