/**
 * Options: playbook, thresholds, connections (with today's API calls) and "Delete all local
 * data". Settings are read and written through lib/platform/settings (validated by zod).
 * Wiring only; components/options renders.
 */
import { render } from 'preact';
import { OptionsPage } from '../../components/options';
import type { Connection } from '../../components/types';
import type { Settings } from '../../lib/model';
import { backgroundMessenger } from '../../lib/platform/messaging';
import { readSettings, watchSettings, writeSettings } from '../../lib/platform/settings';
import { PLAYBOOKS } from '../../lib/playbooks';

const playbooks = PLAYBOOKS.map((p) => ({ id: p.id, name: p.name, description: p.description, questionCount: p.questions.length }));

async function loadConnections(): Promise<Connection[]> {
  try {
    const reply = await backgroundMessenger.sendMessage('getConnections', undefined);
    return reply.kind === 'ready' ? reply.connections : [];
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  let settings = await readSettings();
  let connections = await loadConnections();

  const paint = () =>
    render(
      <OptionsPage
        settings={settings}
        // Admin policy (storage.managed) lands with the enterprise issue; nothing is locked yet.
        locked={[]}
        playbooks={playbooks}
        connections={connections}
        now={new Date().toISOString()}
        onChange={(next: Settings) => {
          settings = next;
          paint();
          void writeSettings(next).catch((error: unknown) => console.warn('Deal Coach: settings not saved', error));
        }}
        onDeleteAllData={async () => {
          const reply = await backgroundMessenger.sendMessage('deleteAllData', undefined);
          if (reply.kind === 'error') throw new Error(reply.message);
          settings = await readSettings();
          connections = await loadConnections();
          paint();
        }}
      />,
      root,
    );

  paint();
  watchSettings((next) => {
    settings = next;
    paint();
  });
  // Calls made today keep counting while the page is open.
  setInterval(() => void loadConnections().then((next) => ((connections = next), paint())), 30_000);
}

void main();
