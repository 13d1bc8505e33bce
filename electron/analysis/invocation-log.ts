import { randomUUID } from 'node:crypto';
import type { Invocation } from '../../shared/model/ai';
import type { AnalysisRecords } from '../store';

/** Longest `detail` kept: a sentence for the Usage page, never a whole service reply. */
const MAX_DETAIL = 300;

export type InvocationEntry = Omit<Invocation, 'id' | 'at'>;

/**
 * The one writer of the invocation log, for every model call the app makes (attributes, connection
 * tests, product features, background removal, image generation) and for requests kept back.
 */
export class InvocationLog {
  constructor(
    private readonly store: Pick<AnalysisRecords, 'recordInvocation'>,
    private readonly now: () => number = Date.now,
  ) {}

  record(entry: InvocationEntry): void {
    this.store.recordInvocation({
      ...entry,
      id: randomUUID(),
      at: this.now(),
      latencyMs: Math.round(entry.latencyMs),
      detail: entry.detail?.slice(0, MAX_DETAIL) ?? null,
    });
  }
}
