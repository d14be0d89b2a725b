import { useId } from 'preact/hooks';
import type { DealCoachingView } from '../../lib/coaching/types';
import { DealHeader } from './DealHeader';
import { Findings } from './Findings';
import { Limitations } from './Limitations';
import { Qualification } from './Qualification';
import { Stakeholders } from './Stakeholders';

/** Everything about one deal, top to bottom in the order a rep acts on it. */
export function DealView({ view, now }: { view: DealCoachingView; now: string }) {
  const headingId = useId();
  return (
    <div class="dc-deal-view">
      <DealHeader view={view} now={now} headingId={headingId} />
      <Findings findings={view.findings} />
      <Qualification q={view.qualification} />
      <Stakeholders people={view.stakeholders} now={now} />
      <Limitations items={view.limitations} />
    </div>
  );
}
