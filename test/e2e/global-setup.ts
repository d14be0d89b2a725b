/** Build the extension once before the suite (skip with E2E_SKIP_BUILD=1 when it is fresh). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath, EXTENSION_DIR, missingChromiumMessage } from './browser';

export default function globalSetup(): void {
  if (!existsSync(chromiumPath())) throw new Error(missingChromiumMessage());
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(`${EXTENSION_DIR}/manifest.json`)) return;
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'inherit', 'inherit'] });
}
