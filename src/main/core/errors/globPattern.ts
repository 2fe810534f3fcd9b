// A small glob matcher for temp-file patterns (project-relative, forward slashes):
// `*` any run of characters within a path segment, `**` any number of segments,
// `?` one character. No braces or classes: the patterns are for temp files, and a
// smaller language is easier to reason about when it decides what gets deleted.
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? '';
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') {
      re += '[^/]';
    } else {
      re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

export function matchesGlob(relativePath: string, glob: string): boolean {
  return globToRegExp(glob).test(relativePath);
}

/** The folder part of a glob before its first wildcard segment (`tmp/a/**` -> `tmp/a`). */
export function globFolder(glob: string): string {
  const segments = glob.split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (/[*?[{]/.test(s)) break;
    fixed.push(s);
  }
  return fixed.join('/');
}
