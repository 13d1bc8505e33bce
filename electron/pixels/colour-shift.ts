/**
 * A colour moved the way a designer says it ("warmer", "lighter", "more muted"), in OKLCh: hue turned
 * part of the way toward orange or toward blue, lightness or chroma changed by a step people notice
 * (ΔE well above 10) without becoming another colour.
 */
import { hexToOklab, oklabToHex } from './colour-space';

export const COLOUR_SHIFTS = ['warmer', 'cooler', 'lighter', 'darker', 'brighter', 'muted'] as const;
export type ColourShift = (typeof COLOUR_SHIFTS)[number];

const WARM_HUE = 60;
const COOL_HUE = 240;
/** How far a hue turns per step, at most. */
const HUE_STEP = 45;
const LIGHTNESS_STEP = 0.12;
/** A near-grey has no hue to turn: warming or cooling gives it a tint this strong. */
const TINT = 0.04;

export function shiftColour(hex: string, shift: ColourShift): string {
  const [L, a, b] = hexToOklab(hex);
  let chroma = Math.hypot(a, b);
  let hue = (Math.atan2(b, a) * 180) / Math.PI;
  let lightness = L;
  switch (shift) {
    case 'warmer':
    case 'cooler': {
      const target = shift === 'warmer' ? WARM_HUE : COOL_HUE;
      if (chroma < TINT) [hue, chroma] = [target, TINT];
      else hue += Math.sign(turn(hue, target)) * Math.min(Math.abs(turn(hue, target)), HUE_STEP);
      break;
    }
    case 'lighter':
      lightness = Math.min(0.98, L + LIGHTNESS_STEP);
      break;
    case 'darker':
      lightness = Math.max(0.05, L - LIGHTNESS_STEP);
      break;
    case 'brighter':
      chroma = chroma * 1.4 + 0.02;
      break;
    case 'muted':
      chroma *= 0.55;
      break;
  }
  const radians = (hue * Math.PI) / 180;
  return oklabToHex([lightness, chroma * Math.cos(radians), chroma * Math.sin(radians)]);
}

/** The signed turn from one hue to another, the short way round (-180..180]. */
function turn(from: number, to: number): number {
  const d = ((((to - from) % 360) + 540) % 360) - 180;
  return d === -180 ? 180 : d;
}
