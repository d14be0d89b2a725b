/**
 * A live Tryton for Playwright fixtures and scripts:
 *
 *   const tryton = await startTryton({ port: 8700 });
 *   // tryton.url = 'http://127.0.0.1:8700/', tryton.db, tryton.login ('alice'), tryton.password, tryton.facts
 *   await tryton.stop();
 *
 * Runs the shell scripts next to this file: setup.sh (install from Debian and build/seed the database
 * only when needed — the first run on a fresh machine takes about a minute, later ones under a
 * second), then, unless `fresh: false`, resets the live database to the seeded snapshot (a file copy),
 * then start.sh, which waits for HTTP 200. One server per work dir: give parallel workers their own
 * `workdir` and `port`, or start it once in a global setup.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readSeedFacts, type SeedFacts } from './live';

const run = promisify(execFile);
const SCRIPTS = import.meta.dirname;

export interface StartTrytonOptions {
  /** 127.0.0.1 port; default 8700 (TRYTON_PORT). */
  port?: number;
  /** Where config, databases, snapshots, pidfile and logs live; default <repo>/.tmp/tryton (TRYTON_WORKDIR). */
  workdir?: string;
  /** Reset the database to the freshly seeded state before starting (default true). */
  fresh?: boolean;
}

export interface TrytonServer {
  /** `http://127.0.0.1:<port>/` — sao's login page; records are `${url}#${db}/model/sale.opportunity/<id>`. */
  url: string;
  db: string;
  /** A rep who owns the showcase deals. */
  login: string;
  password: string;
  /** What the seed guarantees (seed-facts.json). */
  facts: SeedFacts;
  factsPath: string;
  /** Milliseconds per step of this start. */
  timings: { setup: number; reset: number; start: number };
  /** Stop the server if this call (re)started it; one that was already running and left alone keeps running. */
  stop(): Promise<void>;
}

export async function startTryton(options: StartTrytonOptions = {}): Promise<TrytonServer> {
  const port = options.port ?? Number(process.env.TRYTON_PORT ?? 8700);
  const env: NodeJS.ProcessEnv = { ...process.env, TRYTON_PORT: String(port) };
  if (options.workdir) env.TRYTON_WORKDIR = options.workdir;
  const workdir = env.TRYTON_WORKDIR ?? join(SCRIPTS, '../../.tmp/tryton');
  const db = env.TRYTON_DB ?? 'dealcoach';

  const step = async (script: string): Promise<number> => {
    const started = Date.now();
    try {
      await run('bash', [join(SCRIPTS, script)], { env, maxBuffer: 16 * 1024 * 1024, timeout: 15 * 60_000 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      const tail = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
      throw new Error(`test/tryton/${script} failed: ${e.message}\n${tail}`);
    }
    return Date.now() - started;
  };
  const runningPid = (): string | null => {
    try {
      const pid = readFileSync(join(workdir, 'trytond.pid'), 'utf8').trim();
      process.kill(Number(pid), 0);
      return pid;
    } catch {
      return null;
    }
  };

  const before = runningPid();
  const setup = await step('setup.sh');
  const reset = options.fresh === false ? 0 : await step('reset.sh');
  const start = await step('start.sh');
  const pid = runningPid();
  const url = `http://127.0.0.1:${port}/`;
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`Tryton at ${url} answered HTTP ${res.status}`);

  const factsPath = join(workdir, 'seed-facts.json');
  const facts = readSeedFacts(factsPath);
  return {
    url,
    db,
    login: 'alice',
    password: facts.password,
    facts,
    factsPath,
    timings: { setup, reset, start },
    async stop() {
      if (pid !== null && pid !== before) await step('stop.sh');
    },
  };
}
