import { useState } from 'preact/hooks';
import '../../components/options/index';
import { OptionsPage } from '../../components/options/OptionsPage';
import type { Settings } from '../../lib/model';
import { connections, NOW, playbooks, settings as initial } from './fixtures';
import type { Scene } from './scene';
import { record } from './scene';

function OptionsDemo({ locked, empty, customised }: { locked: string[]; empty?: boolean; customised?: boolean }) {
  const [settings, setSettings] = useState<Settings>(customised ? { ...initial, playbookId: 'meddpicc', thresholds: { ...initial.thresholds, unreachedDays: 21, bigDealShare: 0.4 } } : initial);
  return (
    <OptionsPage
      settings={settings}
      locked={locked}
      playbooks={playbooks}
      connections={empty ? [] : connections}
      now={NOW}
      onChange={(s) => {
        record(`change ${JSON.stringify(s)}`);
        setSettings(s);
      }}
      onDeleteAllData={() => new Promise((resolve) => setTimeout(resolve, 300))}
    />
  );
}

export const optionsScenes: Scene[] = [
  { id: 'options-default-light', title: 'Options · defaults · light', kind: 'options', scheme: 'light', render: () => <OptionsDemo locked={[]} /> },
  { id: 'options-default-dark', title: 'Options · customised · dark', kind: 'options', scheme: 'dark', render: () => <OptionsDemo locked={[]} customised /> },
  {
    id: 'options-locked-light',
    title: 'Options · admin policy locks playbook and two thresholds · no CRM yet',
    kind: 'options',
    scheme: 'light',
    render: () => <OptionsDemo locked={['playbookId', 'thresholds.unreachedDays', 'thresholds.bigDealShare']} empty />,
  },
];
