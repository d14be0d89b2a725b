/**
 * Permissions review (DESIGN §9): the manifest asks for nothing the code does not use, and the
 * README's "Privacy and permissions" table lists exactly what the manifest asks for.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
}
const manifest = config.manifest as Manifest;

/**
 * The API each permission exists for; a permission missing here fails the test until its use is
 * named. (`tabs` is not needed: tabs.query by URL and tab.url work on hosts the extension may access.)
 */
const USED_BY: Record<string, RegExp> = {
  storage: /\bbrowser\.storage\b|from 'wxt\/utils\/storage'/,
  alarms: /\bbrowser\.alarms\b/,
  cookies: /\bbrowser\.cookies\b/,
  scripting: /\bbrowser\.scripting\b/,
  downloads: /\bbrowser\.downloads\b/,
  history: /\bbrowser\.history\b/,
  webRequest: /\bbrowser\.webRequest\b/,
  declarativeNetRequest: /\bbrowser\.declarativeNetRequest\b/,
  identity: /\bbrowser\.identity\b/,
};

/** Product code only (tests and tooling do not run in the extension). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}
const code = ['entrypoints', 'lib', 'components'].flatMap(sources).map((file) => readFileSync(file, 'utf8'));

/** The README section, and the permission names in the first column of its table. */
const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Privacy and permissions'), readme.indexOf('\n## ', readme.indexOf('## Privacy and permissions') + 1));
const rows = section.split('\n').filter((line) => /^\| (?!Permission|---)/.test(line));
const firstCells = rows.map((line) => line.split('|')[1]!.trim());

describe('manifest permissions', () => {
  it('are each used by the code', () => {
    for (const permission of manifest.permissions ?? []) {
      const used = USED_BY[permission];
      expect(used, `"${permission}" is in the manifest: name the API it is for in USED_BY`).toBeDefined();
      expect(
        code.some((text) => used!.test(text)),
        `"${permission}" is in the manifest but no code calls it`,
      ).toBe(true);
    }
  });

  it('cover every permission-gated API the code calls', () => {
    for (const [permission, used] of Object.entries(USED_BY)) {
      if (code.some((text) => used.test(text))) expect(manifest.permissions, `the code uses ${permission}`).toContain(permission);
    }
  });

  it('ask for no optional API permission, <all_urls> or a host wildcard at install', () => {
    expect(manifest.optional_permissions ?? []).toEqual([]);
    for (const host of manifest.host_permissions ?? []) {
      expect(host).not.toBe('<all_urls>');
      expect(host, 'a required host permission over every site').not.toMatch(/^(\*|https?):\/\/\*\//);
    }
  });
});

describe('README "Privacy and permissions"', () => {
  it('lists exactly the manifest’s API permissions', () => {
    const listed = firstCells.filter((cell) => /^`[a-zA-Z]+`$/.test(cell)).map((cell) => cell.slice(1, -1));
    expect(listed.sort()).toEqual([...(manifest.permissions ?? [])].sort());
  });

  it('has a row for host and optional host permissions exactly when the manifest has them', () => {
    expect(firstCells.includes('host permissions')).toBe((manifest.host_permissions ?? []).length > 0);
    expect(firstCells.includes('optional host permissions')).toBe((manifest.optional_host_permissions ?? []).length > 0);
  });

  it('names every optional host pattern literally', () => {
    const row = rows.find((line) => line.startsWith('| optional host permissions'))!;
    for (const pattern of manifest.optional_host_permissions ?? []) expect(row).toContain(`\`${pattern}\``);
  });

  it('names the host of every required host permission', () => {
    const row = rows.find((line) => line.startsWith('| host permissions'))!;
    for (const pattern of manifest.host_permissions ?? []) {
      const host = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)![1]!;
      expect(row, `${pattern} in the README's host permissions row`).toContain(`\`${host}\``);
    }
  });
});
