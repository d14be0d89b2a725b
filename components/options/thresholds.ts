/**
 * The threshold inputs of the options page: words for each threshold, and parsing of what the
 * user typed. Ranges and defaults come from lib/model/settings.ts (the zod schema), so the page
 * cannot drift from what the settings accept.
 */
import { DEFAULT_THRESHOLDS, Thresholds } from '../../lib/model/settings';

export type ThresholdKey = keyof Thresholds;

interface Copy {
  label: string;
  unit: string;
  help: string;
  /** Stored as a share 0..1, shown and typed as a percentage. */
  percent?: boolean;
}

/** Every threshold needs words here: adding one to the schema fails to compile until it has. */
const COPY: Record<ThresholdKey, Copy> = {
  unreachedDays: {
    label: 'Unreached after',
    unit: 'days',
    help: 'A key stakeholder (economic buyer, decision maker, champion) counts as unreached after this many days without a done call, meeting or email.',
  },
  pushCount: { label: 'Close date pushed', unit: 'times or more', help: 'Flag a deal whose expected close date was moved out this many times…' },
  pushDays: { label: '…or moved out by more than', unit: 'days in total', help: '…or moved out by more than this many days altogether.' },
  singleThreadedMax: { label: 'Single-threaded at', unit: 'engaged people or fewer', help: 'Flag a deal with this many engaged stakeholders or fewer.' },
  engagedDays: { label: 'Engaged within', unit: 'days', help: 'A stakeholder counts as engaged with a done call, meeting or email in this many days.' },
  stalledFactor: { label: 'Stalled in stage after', unit: '× typical time in stage', help: 'Flag a deal that has spent this many times the usual time in its current stage.' },
  minOwnWon: { label: 'Own typical cycle from', unit: 'won deals', help: 'With fewer won deals of your own, the team’s typical cycle is used instead.' },
  bigDealShare: { label: 'Big deal share', unit: '% of open pipeline', help: 'Flag a deal that is more than this share of its owner’s open pipeline.', percent: true },
};

export interface ThresholdField extends Copy {
  key: ThresholdKey;
  /** In display units (percent for shares). */
  min: number;
  max: number;
  step: number;
  integer: boolean;
  defaultValue: number;
}

const display = (field: { percent?: boolean }, value: number) => (field.percent ? Math.round(value * 100 * 1000) / 1000 : value);

export const THRESHOLD_FIELDS: ThresholdField[] = (Object.keys(COPY) as ThresholdKey[]).map((key) => {
  const copy = COPY[key];
  const schema = Thresholds.shape[key].unwrap();
  const integer = schema.isInt === true;
  return {
    key,
    ...copy,
    min: display(copy, schema.minValue ?? 0),
    max: display(copy, schema.maxValue ?? Number.MAX_SAFE_INTEGER),
    step: integer || copy.percent ? 1 : 0.1,
    integer: integer || copy.percent === true,
    defaultValue: display(copy, DEFAULT_THRESHOLDS[key]),
  };
});

/** The value as typed in the input ("50" for a 0.5 share). */
export function toInputText(field: ThresholdField, value: number): string {
  return String(display(field, value));
}

/** What the user typed -> the stored value, or a plain-words error. */
export function parseThresholdInput(field: ThresholdField, text: string): { value: number } | { error: string } {
  const range = `${field.integer ? 'a whole number' : 'a number'} from ${field.min} to ${field.max}`;
  const t = text.trim().replace(',', '.');
  if (t === '') return { error: `Enter ${range}.` };
  const n = Number(t);
  if (!Number.isFinite(n)) return { error: `Enter ${range}.` };
  if (n < field.min || n > field.max || (field.integer && !Number.isInteger(n))) return { error: `Enter ${range}.` };
  const value = field.percent ? n / 100 : n;
  return Thresholds.shape[field.key].safeParse(value).success ? { value } : { error: `Enter ${range}.` };
}
