/**
 * Every relative link and #anchor in the README and docs/*.md resolves: a file that
 * exists, and a heading of that file for the anchor (GitHub's way of naming headings).
 * Links to the web are not followed (the tests run offline).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The Markdown files whose links are checked. */
function docFiles(): string[] {
  return [
    'README.md',
    ...readdirSync('docs')
      .filter((f) => f.endsWith('.md'))
      .map((f) => join('docs', f)),
  ];
}

/** Text outside fenced code blocks and inline code, where links are links. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces to -. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of text.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const slug = m[1]
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

/** Relative link targets in a file: [text](target) and ![alt](target). */
function links(text: string): string[] {
  return [...prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

describe('links in the docs', () => {
  for (const file of docFiles()) {
    it(`${file}: every relative link and anchor resolves`, () => {
      const text = readFileSync(file, 'utf8');
      const broken: string[] = [];
      for (const target of links(text)) {
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const resolved = path === '' ? file : normalize(join(dirname(file), decodeURI(path)));
        if (!existsSync(resolved)) {
          broken.push(`${target}: no file ${resolved}`);
          continue;
        }
        if (anchor !== undefined && resolved.endsWith('.md')) {
          const known = anchors(readFileSync(resolved, 'utf8'));
          if (!known.has(anchor)) broken.push(`${target}: no heading #${anchor} in ${resolved}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it('finds links and anchors as GitHub does', () => {
    const text = '## Limits and errors\n## Charts and the report\n## Its URL\n## Its URL\n';
    expect([...anchors(text)]).toEqual([
      'limits-and-errors',
      'charts-and-the-report',
      'its-url',
      'its-url-1',
    ]);
    expect(links('see [a](docs/x.md#y), ![p](o.png), [w](https://e.org) and `[c](z.md)`')).toEqual([
      'docs/x.md#y',
      'o.png',
    ]);
  });
});
