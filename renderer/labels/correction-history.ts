import type { CorrectionField, LabelCorrection, RepeatSize } from '../../shared/model';

const FIELD_NAMES: Record<CorrectionField, string> = { pattern: 'pattern', colours: 'colours', repeat: 'repeat' };

/** One record of an image's label corrections, as the detail panel lists it. */
export interface HistoryLine {
  id: string;
  reviewer: string;
  at: number;
  text: string;
  /** A change a later record took back (it stays in the history). */
  undone: boolean;
}

/** How a field's value reads: labels and colours as a list, a repeat as its size. */
export function valueText(field: CorrectionField, value: unknown): string {
  if (field === 'repeat') {
    const repeat = value as RepeatSize;
    return repeat ? `${repeat.width}×${repeat.height}px` : 'no repeat';
  }
  const list = Array.isArray(value) ? (value as string[]) : [];
  return list.length > 0 ? list.join(', ') : 'none';
}

/** Every correction record of an image, newest first: who changed which field from what to what, and what was undone. */
export function correctionHistoryLines(history: readonly LabelCorrection[]): HistoryLine[] {
  const undone = new Set(history.flatMap((record) => record.undoes));
  return [...history]
    .sort((a, b) => b.at - a.at)
    .map((record) => ({
      id: record.id,
      reviewer: record.reviewer,
      at: record.at,
      undone: undone.has(record.id),
      text:
        record.action === 'undo'
          ? `took back the ${FIELD_NAMES[record.field]} change (it was ${valueText(record.field, record.previous)})`
          : `set ${FIELD_NAMES[record.field]} to ${valueText(record.field, record.value)} ` +
            `(was ${valueText(record.field, record.previous)})`,
    }));
}
