/** Public face of coaching: the engine and the contract types. Rules are reached through RULES. */
export { RULES, buildCoachingView, coachDeal, coachDealDetailed, type CoachingResult, type RuleFailure } from './engine';
export type { CoachingContext, CoachingRule, DealCoachingView, QualificationItem, QualificationView, StakeholderView } from './types';
