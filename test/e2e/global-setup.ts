/**
 * Build the extension once before the suite (skip with E2E_SKIP_BUILD=1 when it is fresh). A suite
 * that needs extra test hosts in the manifest (DEAL_COACH_E2E_HOSTS, the Tryton suite) builds into its
 * own dir and rebuilds, E2E_SKIP_BUILD or not, when the build there lacks them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromiumPath, EXTENSION_DIR, missingChromiumMessage } from './browser';

function builtWithHosts(): boolean {
  const manifestPath = `${EXTENSION_DIR}/manifest.json`;
  if (!existsSync(manifestPath)) return false;
  const wanted = (process.env.DEAL_COACH_E2E_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const granted = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] }).host_permissions ?? [];
  return wanted.every((host) => granted.includes(host));
}

export default function globalSetup(): void {
  if (!existsSync(chromiumPath())) throw new Error(missingChromiumMessage());
  if (process.env.E2E_SKIP_BUILD === '1' && builtWithHosts()) return;
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'inherit', 'inherit'] });
}
