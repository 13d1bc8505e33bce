import { describe, expect, it } from 'vitest';
import {
  packAsset,
  roundPaletteNumber,
  unpackAsset,
  withAssetDefaults,
  type PackedAsset,
} from '../../../electron/store/packed-asset';
import type { Asset, LocalAnalysis } from '../../../shared/model';
import { makeSyntheticAssets } from './synthetic-assets';

/** What a shard file line holds, read back as JSON. */
const written = (asset: Asset) => JSON.parse(JSON.stringify(packAsset(asset))) as PackedAsset;

/** Palette numbers to the 4 decimals the store keeps (what a shard line may change, on purpose). */
const roundedAnalysis = (analysis: LocalAnalysis): LocalAnalysis => ({
  ...analysis,
  colourfulness: roundPaletteNumber(analysis.colourfulness),
  palette: analysis.palette.map((c) => ({
    ...c,
    share: roundPaletteNumber(c.share),
    lab: c.lab.map(roundPaletteNumber) as typeof c.lab,
  })),
});

describe('an asset as a shard file holds it', () => {
  const [plain, other] = makeSyntheticAssets(2, 7).map((a) => ({ ...a, analysis: roundedAnalysis(a.analysis) }));

  it('reads back as the asset it was, fields at their defaults included', () => {
    const asset: Asset = { ...plain, tags: [], status: 'unreviewed', tiles: [], segments: [] };
    const line = written(asset);
    for (const field of ['tags', 'status', 'tiles', 'segments']) expect(line).not.toHaveProperty(field);
    expect(line.metadata).not.toHaveProperty('hasAlpha');
    expect(line.analysis).not.toHaveProperty('source');
    expect((line.analysis as Asset['analysis']).pattern).not.toHaveProperty('checks');
    expect(unpackAsset(line)).toEqual(asset);
  });

  it('keeps every field that differs from its default, in segments and tiles too', () => {
    const segment = {
      box: { x: 0, y: 0, width: 10, height: 10 },
      analysis: {
        ...other.analysis,
        pattern: { ...other.analysis.pattern, dots: true, stripeOrientation: 'vertical' as const },
      },
    };
    const asset: Asset = {
      ...other,
      metadata: { ...other.metadata, space: 'cmyk', hasAlpha: true, pages: 3, dpi: 300 },
      analysis: { ...other.analysis, pattern: { ...other.analysis.pattern, solid: true, checks: true } },
      tags: ['spring'],
      status: 'accepted',
      tiles: [segment],
      segments: [segment, segment],
    };
    expect(unpackAsset(written(asset))).toEqual(asset);
  });

  it('writes a vector on the analyzer’s byte grid as its bytes and scale, exactly', () => {
    const line = written(plain);
    expect(line.vector).toMatch(/^u8:0\.\d+:/);
    expect((line.vector as string).length).toBeLessThanOrEqual(14 + Math.ceil(plain.vector.length / 3) * 4);
    expect(unpackAsset(line).vector).toEqual(plain.vector);
  });

  it('writes an older analysis’s vector on the 4-decimal grid as 16-bit integers, exactly', () => {
    const older = { ...plain, vector: plain.vector.map((v, i) => Math.round((i % 2 ? v : -v) * 1e4) / 1e4) };
    const line = written(older);
    expect(line.vector).toMatch(/^i16:/);
    expect(unpackAsset(line).vector).toEqual(older.vector);
  });

  it('writes any other vector as float32, and reads an older float32 line onto the grid it came from', () => {
    const onGrid = plain.vector.map((v, i) => Math.round((i % 2 ? v : -v) * 1e4) / 1e4);
    const offGrid = { ...plain, vector: onGrid.map((v) => v + 1e-6) };
    const line = written(offGrid);
    expect(line.vector).toMatch(/^f32:/);
    expect(unpackAsset(line).vector).toEqual(offGrid.vector.map(Math.fround));
    // A v7 line wrote grid values as float32: packed again, they are the grid's exact values.
    const v7 = { ...line, vector: `f32:${Buffer.from(Float32Array.from(onGrid).buffer).toString('base64')}` };
    expect(written(unpackAsset(v7)).vector).toBe(written({ ...plain, vector: onGrid }).vector);
  });

  it('leaves the vector packed for a grid cell, every other field filled in', () => {
    const read = withAssetDefaults(written({ ...plain, tags: [] }));
    expect(read.tags).toEqual([]);
    expect(typeof read.vector).toBe('string');
  });

  it('leaves out a colour’s OKLab when it is its hex’s, and keeps the values an older analysis gave', () => {
    const line = written(plain);
    const palette = (line.analysis as Asset['analysis']).palette;
    for (const colour of palette) expect(colour).not.toHaveProperty('lab');
    expect(unpackAsset(line).analysis.palette).toEqual(plain.analysis.palette);

    // An analysis from before paletteLab kept the cluster centre, a little off the hex's coordinates.
    const [first, ...rest] = plain.analysis.palette;
    const centre: typeof first.lab = [first.lab[0] + 0.0021, first.lab[1], first.lab[2] - 0.0013];
    const older = { ...plain, analysis: { ...plain.analysis, palette: [{ ...first, lab: centre }, ...rest] } };
    const olderLine = written(older);
    expect((olderLine.analysis as Asset['analysis']).palette[0].lab).toEqual(centre.map(roundPaletteNumber));
    expect(unpackAsset(olderLine).analysis.palette[0].lab).toEqual(centre.map(roundPaletteNumber));
  });

  it('refuses a vector encoding it does not know, naming the asset', () => {
    expect(() => unpackAsset({ ...written(plain), vector: 'q4:AAAA' })).toThrow(plain.hash);
  });
});
