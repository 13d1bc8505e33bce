import type { ReviewHighlights } from '../../shared/model';
import { percent } from '../components/format';

export type Correction = ReviewHighlights['corrections'][number];

/** The sentences describe what "the model" does; the note speaks to the model. */
const TO_THE_MODEL: Record<string, string> = { calls: 'call', misses: 'miss', adds: 'add', says: 'say' };
const NOTE_LENGTH = 200;

/** A correction as a line of the attribute prompt: "Motifs: you often call peonies “roses” — reviewers corrected …". */
export function promptNoteOf(correction: Correction, fieldLabel: string): string {
  const [verb, ...rest] = correction.change.split(' ');
  const tail = ` — reviewers corrected this in ${percent(correction.count / correction.reviewed)} of ${correction.reviewed}`;
  const head = `${fieldLabel}: you often ${[TO_THE_MODEL[verb] ?? verb, ...rest].join(' ')}`;
  return `${head.slice(0, NOTE_LENGTH - tail.length)}${tail}`;
}
