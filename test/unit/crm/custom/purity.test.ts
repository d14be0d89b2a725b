/**
 * What the content script imports for custom CRMs must not pull zod (DESIGN §8: ≤ 20 kB gzipped) and
 * must not touch page globals (the DOM is passed in). Follows the imports of lib/crm/custom/content.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Value imports (not `import type`) of a file, resolved to .ts paths. */
function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)';/gm)) {
    if (m[1]) continue; // import type / export type
    const spec = m[2]!;
    if (!spec.startsWith('.')) {
      out.push(spec);
      continue;
    }
    out.push(resolve(dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`));
  }
  return out;
}

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const dep of valueImports(file)) if (dep.startsWith('/')) todo.push(dep);
      else seen.add(dep);
  }
  return seen;
}

describe.each([
  ['lib/crm/custom/content.ts', ['lib/crm/custom/read-raw.ts', 'lib/crm/custom/locate.ts', 'lib/crm/custom/settle.ts']],
  ['lib/crm/custom/pick-mode.ts', ['lib/crm/custom/pick.ts', 'lib/crm/custom/read-dom.ts', 'lib/import/values.ts', 'lib/dates.ts']],
])('%s (runs in the CRM page)', (entry, expected) => {
  const files = closure(resolve(repo, entry));
  const list = [...files].map((f) => f.replace(`${repo}/`, ''));

  it('imports no zod, no model schemas and no third-party package', () => {
    expect(list).not.toContain('zod');
    expect(list.filter((f) => f.startsWith('lib/model'))).toEqual([]);
    expect(list).not.toContain('lib/crm/custom/profile.ts');
    expect(list).toEqual(expect.arrayContaining(expected));
    expect(list.filter((f) => !f.startsWith('lib/'))).toEqual([]);
  });

  it('touches no page globals: the DOM is always passed in', () => {
    for (const file of files) {
      if (!file.startsWith(`${repo}/lib/crm/custom/`)) continue;
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(window|document|location|chrome|browser|localStorage|navigator|CSS)\s*[.(]/);
      expect(code, file).not.toMatch(/\.(innerHTML|outerHTML|insertAdjacentHTML)\b/);
    }
  });
});

it('the always-on reader parses nothing (parsing and its locale tables stay in the background)', () => {
  const list = [...closure(resolve(repo, 'lib/crm/custom/content.ts'))].map((f) => f.replace(`${repo}/`, ''));
  expect(list).not.toContain('lib/crm/custom/parse.ts');
  expect(list).not.toContain('lib/crm/custom/draft.ts');
  expect(list).not.toContain('lib/import/values.ts');
});

it.each(['components/custom-crm/PickOverlayHint.tsx', 'components/custom-crm/LivePreview.tsx'])('%s can render in the CRM page without zod', (entry) => {
  const list = [...closure(resolve(repo, entry))].map((f) => f.replace(`${repo}/`, ''));
  expect(list).not.toContain('zod');
  expect(list.filter((f) => !f.startsWith('lib/') && !f.startsWith('components/') && !f.startsWith('preact'))).toEqual([]);
});
