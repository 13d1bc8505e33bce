/**
 * The seeded choices behind one live loop, and where each movement stands at a given moment:
 * a gentle zoom-and-drift of the background that returns to rest at the loop's end, one soft
 * light sweep that enters and leaves the frame within the loop, and the text fading in.
 */
import { seededRandom } from '../../pixels';

export interface MotionPlan {
  seconds: number;
  /** Peak background zoom (0.04: the background grows by 4 % at the loop's midpoint). */
  zoom: number;
  /** Where the zoom drifts to, per axis, as a share (-1..1) of the room the zoom leaves there. */
  focus: { x: number; y: number };
  /** Direction the light band travels, in radians (0: left to right). */
  sweepAngle: number;
  /** When the band enters and leaves the frame, in seconds. */
  sweepFrom: number;
  sweepTo: number;
  /** Brightest share of the way to white at the band's centre. */
  sweepStrength: number;
  /** The text reaches full opacity after this long. */
  textFadeSeconds: number;
}

export const TEXT_FADE_SECONDS = 0.6;

export function motionPlan(seed: number, seconds: number): MotionPlan {
  const rnd = seededRandom(seed ^ 0x11e100);
  const zoom = 0.03 + rnd() * 0.02;
  const focus = { x: rnd() * 1.6 - 0.8, y: rnd() * 1.6 - 0.8 };
  // A band 25–45° off upright, travelling either way across: a sheen, not a wipe.
  const tilt = (0.45 + rnd() * 0.35) * (rnd() < 0.5 ? -1 : 1);
  const sweepAngle = (rnd() < 0.5 ? 0 : Math.PI) + tilt;
  // The sweep starts once the text is in and is gone before the loop restarts, so the seam shows no band.
  const length = Math.min(1.5, (seconds - TEXT_FADE_SECONDS) * 0.7);
  const sweepFrom = TEXT_FADE_SECONDS + rnd() * (seconds - TEXT_FADE_SECONDS - length) * 0.8;
  return {
    seconds,
    zoom,
    focus,
    sweepAngle,
    sweepFrom,
    sweepTo: sweepFrom + length,
    sweepStrength: 0.2,
    textFadeSeconds: TEXT_FADE_SECONDS,
  };
}

/** The background's scale at `phase` (0..1 of the loop): 1 at both ends, so the loop closes without a jump. */
export function zoomAt(plan: MotionPlan, phase: number): number {
  return 1 + (plan.zoom * (1 - Math.cos(2 * Math.PI * phase))) / 2;
}

/** The light band's progress across the frame (0 entering, 1 gone) at `second`, or null outside the sweep. */
export function sweepAt(plan: MotionPlan, second: number): number | null {
  if (second <= plan.sweepFrom || second >= plan.sweepTo) return null;
  const t = (second - plan.sweepFrom) / (plan.sweepTo - plan.sweepFrom);
  return t * t * (3 - 2 * t);
}

/**
 * The text's opacity (0..1) at `second`: an ease-out over the first 0.6 s, then held to the end.
 * Held rather than faded out, so a player that stops on the last frame shows the whole ad.
 */
export function textOpacityAt(plan: MotionPlan, second: number): number {
  const t = Math.min(1, Math.max(0, second / plan.textFadeSeconds));
  return 1 - (1 - t) ** 3;
}

/** What moves, in words for the export manifest. */
export function motionWords(plan: MotionPlan): string[] {
  return [
    `slow zoom (${Math.round(plan.zoom * 1000) / 10} %) and drift on the background, back to rest at the loop's end`,
    `light sweep across the background (${plan.sweepFrom.toFixed(1)}–${plan.sweepTo.toFixed(1)} s), not over the product`,
    `text fade-in over the first ${plan.textFadeSeconds} s, then held`,
  ];
}
