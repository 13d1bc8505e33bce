import { describe, expect, it } from 'vitest';
import {
  imageTokens,
  naivePlan,
  partSize,
  planImageTokens,
  planModelInput,
} from '../../../electron/analysis/model-input';
import { makeAsset } from '../store/synthetic-assets';

const base = (over: Partial<Parameters<typeof makeAsset>[0]> = {}) =>
  makeAsset({ hash: 'h', path: '/lib/a.png', width: 4000, height: 3000, pattern: 'photo/other', ...over });

function withPattern(
  asset: ReturnType<typeof makeAsset>,
  pattern: Partial<ReturnType<typeof makeAsset>['analysis']['pattern']>,
) {
  return { ...asset, analysis: { ...asset.analysis, pattern: { ...asset.analysis.pattern, ...pattern } } };
}

describe('what is sent to a vision model', () => {
  it('sends nothing for a confident solid: the local palette already describes it', () => {
    const plan = planModelInput(withPattern(base({ pattern: 'solid' }), { solid: true, confidence: 0.95 }));
    expect(plan.kind).toBe('skip');
    expect(plan.parts).toEqual([]);
    expect(plan.skipReason).toMatch(/solid/);
  });

  it('sends one repeat tile at native detail plus a small whole for a repeating pattern', () => {
    const asset = withPattern(base({ pattern: 'checks' }), {
      repeat: { width: 120, height: 120, offsetX: 0, score: 0.9 },
    });
    const plan = planModelInput(asset);
    expect(plan.kind).toBe('repeat tile');
    const [tile, context] = plan.parts;
    // Widened to whole repeats covering at least 256 px, from the top-left corner.
    expect(tile.box).toEqual({ x: 0, y: 0, width: 360, height: 360 });
    expect(partSize(tile, 4000, 3000)).toEqual({ width: 360, height: 360 });
    expect(context.box).toBeNull();
    expect(Math.max(...Object.values(partSize(context, 4000, 3000)))).toBe(384);
    // Far fewer tokens than the whole image at the model's limit.
    expect(planImageTokens(plan, 4000, 3000)).toBeLessThan(planImageTokens(naivePlan(), 4000, 3000) / 4);
  });

  it('ignores a weak or too-large repeat and sends the whole image', () => {
    expect(
      planModelInput(withPattern(base(), { repeat: { width: 120, height: 120, offsetX: 0, score: 0.3 } })).kind,
    ).toBe('whole');
    expect(
      planModelInput(withPattern(base(), { repeat: { width: 2500, height: 200, offsetX: 0, score: 0.9 } })).kind,
    ).toBe('whole');
  });

  it('sends a sheet whole plus its three largest designs', () => {
    const box = (x: number, size: number) => ({
      box: { x, y: 0, width: size, height: size },
      analysis: base().analysis,
    });
    const asset = { ...base(), segments: [box(0, 300), box(400, 900), box(1400, 500), box(2000, 700)] };
    const plan = planModelInput(asset);
    expect(plan.kind).toBe('sheet');
    expect(plan.parts.map((p) => p.box?.width ?? null)).toEqual([null, 900, 700, 500]);
  });

  it('adds one native-resolution tile for a huge print without a repeat', () => {
    const tile = { box: { x: 100, y: 100, width: 1024, height: 1024 }, analysis: base().analysis };
    const plan = planModelInput({ ...base({ width: 8000, height: 6000 }), tiles: [tile] });
    expect(plan.kind).toBe('large print');
    expect(plan.parts[1].box).toEqual(tile.box);
    expect(partSize(plan.parts[1], 8000, 6000)).toEqual({ width: 512, height: 512 });
  });

  it('never upscales a small image', () => {
    const plan = planModelInput(base({ width: 300, height: 200 }));
    expect(partSize(plan.parts[0], 300, 200)).toEqual({ width: 300, height: 200 });
  });

  it("counts image tokens by Claude's rule of thumb, capped where the service downscales", () => {
    expect(imageTokens(750, 1)).toBe(1);
    expect(imageTokens(768, 512)).toBe(Math.ceil((768 * 512) / 750));
    expect(imageTokens(1568, 1568)).toBe(Math.ceil(1_150_000 / 750));
  });
});
