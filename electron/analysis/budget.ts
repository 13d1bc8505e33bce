import type { AnalysisProgress } from '../../shared/model/ai';
import type { AnalysisRecords } from '../store';

export const BUDGET_WARN_FRACTION = 0.8;

/** Midnight UTC on the first day of the month `now` is in: budgets are per calendar month. */
export function monthStart(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function spentThisMonth(store: Pick<AnalysisRecords, 'listInvocations'>, now: number): number {
  return store.listInvocations(monthStart(now)).reduce((sum, call) => sum + call.costUsd, 0);
}

export function budgetState(spent: number, budget: number): AnalysisProgress['budgetState'] {
  if (spent >= budget) return 'exceeded';
  return spent >= BUDGET_WARN_FRACTION * budget ? 'warn' : 'ok';
}

/** `store` tells a team library's budget (raised by its admin) from one's own (raised in Settings). */
export function budgetMessage(spent: number, budget: number, store: Pick<AnalysisRecords, 'getTeamBudget'>): string {
  return store.getTeamBudget()
    ? `The team's monthly budget of $${budget.toFixed(2)} is reached ($${spent.toFixed(2)} spent by the team): ` +
        "remote work is paused until the team's admin raises it."
    : `The monthly budget of $${budget.toFixed(2)} is reached ($${spent.toFixed(2)} ` +
        `spent): remote analysis is paused until you raise it in Settings.`;
}
