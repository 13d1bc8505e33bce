import { percent } from '../components/format';

/** Below this probability the local analyzer's pattern label is shown as a guess, not an answer. */
export const UNSURE_BELOW = 0.5;

/** What the panel says under an uncorrected local label: where it came from and, when unsure, the way forward. */
export function localAnswerText(confidence: number | undefined): { text: string; unsure: boolean } {
  if (confidence === undefined || confidence >= UNSURE_BELOW) return { text: 'From the local analyzer', unsure: false };
  return {
    text: `The local analyzer is unsure (${percent(confidence)}): if this label is wrong, change it above`,
    unsure: true,
  };
}
