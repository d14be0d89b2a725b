/** lib/import runs in Node (CLI) and in a worker behind the review page: no DOM, no Node built-ins. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../lib/import/', import.meta.url);

describe('lib/import purity', () => {
  it('imports only zod, papaparse and other lib modules, and touches no browser or Node globals', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const source = readFileSync(new URL(f, dir), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) expect(spec, `${f} imports ${spec}`).toMatch(/^(zod|papaparse|\.\.?\/)/);
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/\b(window|document|chrome|browser|localStorage|indexedDB|process|require)\s*[.(]/);
    }
  });
});
