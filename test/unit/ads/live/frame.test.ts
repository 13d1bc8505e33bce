import { describe, expect, it } from 'vitest';
import { frameAt, type LoopLayers } from '../../../../electron/ads/live/loop';
import { motionPlan, sweepAt } from '../../../../electron/ads/live/motion';

const W = 64;
const H = 48;
const PRODUCT = [23, 201, 77];
const TEXT_BLUE = 255;

const inDisc = (x: number, y: number, r: number) => (x - 20) ** 2 + (y - 24) ** 2 < r * r;
const inPanel = (x: number, y: number) => x >= 30 && x < 60 && y >= 4 && y < 20;
/** A pixel that only the background (and the light) reaches. */
const BACKGROUND_ONLY = { x: 50, y: 40 };
const TEXT_ONLY = { x: 50, y: 10 };

/**
 * A product disc (alpha 255 inside, 128 on a soft ring), a blue text panel at alpha 200 that
 * also runs over the product's right edge, and a background with no blue, so the text's
 * share shows in the blue channel.
 */
function syntheticLayers(background: (x: number, y: number) => [number, number] = checker): LoopLayers {
  const bg = Buffer.alloc(W * H * 3);
  const product = Buffer.alloc(W * H * 4);
  const text = Buffer.alloc(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const p = y * W + x;
      bg.set([...background(x, y), 0], p * 3);
      if (inDisc(x, y, 12)) product.set([...PRODUCT, 255], p * 4);
      else if (inDisc(x, y, 14)) product.set([...PRODUCT, 128], p * 4);
      if (inPanel(x, y) || (x >= 28 && x < 34 && y >= 20 && y < 30)) text.set([0, 0, TEXT_BLUE, 200], p * 4);
    }
  return { width: W, height: H, background: bg, product, text };
}

function checker(x: number, y: number): [number, number] {
  return (Math.floor(x / 3) + Math.floor(y / 3)) % 2 ? [220, 40] : [40, 220];
}

const at = (frame: Buffer, { x, y }: { x: number; y: number }) => [
  ...frame.subarray((y * W + x) * 3, (y * W + x) * 3 + 3),
];

function backgroundOnlyDifference(a: Buffer, b: Buffer): number {
  let sum = 0;
  let count = 0;
  for (let y = 30; y < H; y++)
    for (let x = 40; x < W; x++) {
      for (let c = 0; c < 3; c++) sum += Math.abs(a[(y * W + x) * 3 + c] - b[(y * W + x) * 3 + c]);
      count += 3;
    }
  return sum / count;
}

describe('a live loop frame', () => {
  it.each([1, 42, 2_147_483_646])('shows the product exactly as given, in every frame (seed %i)', (seed) => {
    const layers = syntheticLayers();
    const n = 24;
    for (let i = 0; i < n; i++) {
      const frame = frameAt(layers, i, n, seed);
      expect(frame.length).toBe(W * H * 3);
      for (let p = 0; p < W * H; p++)
        if (layers.product[p * 4 + 3] === 255)
          expect([...frame.subarray(p * 3, p * 3 + 3)], `frame ${i}, pixel ${p % W},${Math.floor(p / W)}`).toEqual(
            PRODUCT,
          );
    }
  });

  it('starts on the background exactly, moves it during the loop, and brings it back by the end', () => {
    const layers = syntheticLayers();
    const n = 40;
    const first = frameAt(layers, 0, n, 7);
    // Frame 0: no zoom, no light, no text yet: the background itself wherever the product is not.
    expect(at(first, BACKGROUND_ONLY)).toEqual([
      ...layers.background.subarray((40 * W + 50) * 3, (40 * W + 50) * 3 + 3),
    ]);
    expect(at(first, TEXT_ONLY)).toEqual([...layers.background.subarray((10 * W + 50) * 3, (10 * W + 50) * 3 + 3)]);
    const middle = backgroundOnlyDifference(first, frameAt(layers, n / 2, n, 7));
    const last = backgroundOnlyDifference(first, frameAt(layers, n - 1, n, 7));
    expect(middle).toBeGreaterThan(10);
    expect(last).toBeLessThan(middle / 10);
    // One step past the last frame is the next loop's first: the background is back exactly.
    expect(backgroundOnlyDifference(first, frameAt(layers, n, n, 7))).toBe(0);
  });

  it('fades the text in over the first 0.6 s, then holds it', () => {
    const layers = syntheticLayers();
    const n = 40; // 4 s at 10 fps: frame 6 is at 0.6 s
    const blue = Array.from({ length: n }, (_, i) => at(frameAt(layers, i, n, 3), TEXT_ONLY)[2]);
    expect(blue[0]).toBe(0);
    for (let i = 1; i <= 6; i++) expect(blue[i]).toBeGreaterThan(blue[i - 1]);
    // Full opacity: the panel's own alpha (200 of 255) of its blue over a background with none.
    expect(blue[6]).toBe(200);
    const plan = motionPlan(3, 4);
    for (let i = 6; i < n; i++) if (sweepAt(plan, i / 10) === null) expect(blue[i]).toBe(200);
  });

  it('sweeps light across the background within its window, and leaves it untouched outside it', () => {
    const layers = syntheticLayers(() => [60, 60]);
    const plan = motionPlan(11, 4);
    const n = 80;
    let lit = 0;
    for (let i = 0; i < n; i++) {
      const frame = frameAt(layers, i, n, 11);
      const background = at(frame, BACKGROUND_ONLY);
      if (sweepAt(plan, (i / n) * 4) === null) expect(background).toEqual([60, 60, 0]);
      else if (background[0] > 60) lit++;
    }
    expect(lit).toBeGreaterThan(0);
  });

  it('is the same for the same seed and differs for another', () => {
    const layers = syntheticLayers();
    expect(frameAt(layers, 17, 40, 5).equals(frameAt(layers, 17, 40, 5))).toBe(true);
    expect(frameAt(layers, 17, 40, 5).equals(frameAt(layers, 17, 40, 6))).toBe(false);
  });

  it('refuses layers of the wrong size', () => {
    const layers = syntheticLayers();
    expect(() => frameAt({ ...layers, text: layers.text.subarray(4) }, 0, 2, 1)).toThrow(RangeError);
  });
});
