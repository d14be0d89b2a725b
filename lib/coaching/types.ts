import type { Benchmarks, Deal, Finding, Playbook, QuestionStatus, Settings, Influence } from '../model';

export interface CoachingContext {
  playbook: Playbook;
  /** null when no history could be read: rules that need it stay silent and say so in the view. */
  benchmarks: Benchmarks | null;
  /** "Now" as an ISO instant; injected so coaching is reproducible. */
  now: string;
  settings: Settings;
}

/** A coaching rule: pure, one per file under rules/ (DESIGN §5). */
export interface CoachingRule {
  id: string;
  /** Short description for options and docs. */
  description: string;
  run(deal: Deal, context: CoachingContext): Finding[];
}

export interface QualificationItem {
  questionId: string;
  label: string;
  why: string;
  ask: string;
  weight: number;
  status: QuestionStatus;
  /** The CRM fields that answered it, when answered. */
  answeredBy: string[];
}

export interface QualificationView {
  playbookId: string;
  playbookName: string;
  items: QualificationItem[];
  answered: number;
  /** Questions mapped to a field of this CRM. */
  tracked: number;
  total: number;
}

export interface StakeholderView {
  id: string;
  name: string;
  title: string | null;
  roles: string[];
  influence: Influence;
  isPrimary: boolean;
  /** Date of the last done call/meeting/email with them, or null. */
  lastContact: string | null;
  /** Reached within the unreached-days threshold. */
  reached: boolean;
  isKey: boolean;
}

/** Everything the sidebar (and a review-table row) shows about one deal. */
export interface DealCoachingView {
  deal: Deal;
  findings: Finding[];
  qualification: QualificationView;
  stakeholders: StakeholderView[];
  age: {
    /** Days since createdAt, null when unknown. */
    days: number | null;
    typicalCycle: Benchmarks['cycle'];
  };
  /** Plain-words notes on what coaching could not use (no history, activities not logged, ...). */
  limitations: string[];
}
