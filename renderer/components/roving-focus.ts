/** Which arrows move within a group: a list moves up and down, a wrapping row of chips both ways. */
export type RovingAxis = 'vertical' | 'both';

const STEPS: Record<RovingAxis, Record<string, number>> = {
  vertical: { ArrowDown: 1, ArrowUp: -1 },
  both: { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 },
};

/**
 * Where focus goes for a key inside a group of `count` items that is one Tab stop, or null when
 * the key is not the group's (Tab leaves it). Arrows stop at the ends; Home and End jump to them.
 */
export function nextRovingIndex(key: string, index: number, count: number, axis: RovingAxis): number | null {
  if (count === 0) return null;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = STEPS[axis][key];
  if (step === undefined) return null;
  return Math.max(0, Math.min(count - 1, index + step));
}
