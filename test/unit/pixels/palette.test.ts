import { describe, expect, it } from 'vitest';
import { analyzeRaster, hexToOklab, oklabDistance } from '../../../electron/pixels';
import { checksRaster, dotsRaster, solidRaster, stripesRaster } from '../../support/images';

const size = { width: 400, height: 300 };
const shareOf = (palette: { name: string; share: number }[], name: string) =>
  palette.find((p) => p.name === name)?.share ?? 0;

describe('colour space', () => {
  it('converts hex to OKLab (white is L=1, neutral)', () => {
    const [L, a, b] = hexToOklab('#FFFFFF');
    expect(L).toBeCloseTo(1, 3);
    expect(Math.abs(a) + Math.abs(b)).toBeLessThan(1e-3);
    expect(hexToOklab('#000')[0]).toBeCloseTo(0, 5);
  });

  it('measures distance ×100 on a ΔE-like scale', () => {
    expect(oklabDistance(hexToOklab('#1b2a4a'), hexToOklab('#1b2a4a'))).toBe(0);
    expect(oklabDistance(hexToOklab('#1b2a4a'), hexToOklab('#1c2b4b'))).toBeLessThan(2);
    expect(oklabDistance(hexToOklab('#1b2a4a'), hexToOklab('#d21f1f'))).toBeGreaterThan(30);
  });

  it('rejects malformed hex', () => {
    expect(() => hexToOklab('navy')).toThrow();
  });
});

describe('palette', () => {
  it('finds navy and white at about half each in navy/white stripes', () => {
    const { palette } = analyzeRaster(
      stripesRaster({ ...size, period: 40, orientation: 'vertical', colours: ['#1b2a4a', '#ffffff'] }),
    );
    expect(shareOf(palette, 'navy')).toBeGreaterThan(0.4);
    expect(shareOf(palette, 'navy')).toBeLessThan(0.6);
    expect(shareOf(palette, 'white')).toBeGreaterThan(0.4);
    expect(shareOf(palette, 'white')).toBeLessThan(0.6);
  });

  it('reports the share of a minority colour', () => {
    // Discs of radius 10 on a 40 px lattice cover π·100/1600 ≈ 20 % of the surface.
    const { palette } = analyzeRaster(
      dotsRaster({ ...size, spacing: 40, radius: 10, colours: ['#d21f1f', '#fffdd0'] }),
    );
    expect(shareOf(palette, 'red')).toBeGreaterThan(0.12);
    expect(shareOf(palette, 'red')).toBeLessThan(0.28);
    expect(palette[0].name).toBe('cream');
  });

  it('does not miss a colour whose motifs repeat in step with the pixel sampling', () => {
    // Dots every 32 px on a 256 px raster once aliased with a regular sampling stride: 38 % red read as 100 % white.
    for (const side of [256, 320]) {
      const spacing = side / 8;
      const { palette } = analyzeRaster(
        dotsRaster({ width: side, height: side, spacing, radius: spacing * 0.35, colours: ['#d21f1f', '#ffffff'] }),
      );
      expect(shareOf(palette, 'red')).toBeGreaterThan(0.3);
      expect(shareOf(palette, 'red')).toBeLessThan(0.46);
    }
  });

  it('names solid colours from the vocabulary and keeps hex and OKLab', () => {
    for (const [hex, name] of [
      ['#1b2a4a', 'navy'],
      ['#008080', 'teal'],
      ['#e1ad01', 'mustard'],
      ['#800020', 'burgundy'],
      ['#ff7f50', 'coral'],
    ]) {
      const { palette } = analyzeRaster(solidRaster({ ...size, colour: hex }));
      expect(palette).toHaveLength(1);
      expect(palette[0]).toMatchObject({ name, hex, share: 1 });
      expect(oklabDistance(palette[0].lab, hexToOklab(hex))).toBeLessThan(0.5);
    }
  });

  it('keeps shares summing to 1, sorted, each at least 2 %', () => {
    const { palette } = analyzeRaster(checksRaster({ ...size, period: 50, colours: ['#d21f1f', '#ffffff'] }));
    expect(palette.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 2);
    for (const p of palette) expect(p.share).toBeGreaterThanOrEqual(0.02);
    expect([...palette].sort((a, b) => b.share - a.share)).toEqual(palette);
    for (const p of palette) expect(p.hex).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('is deterministic', () => {
    const r = dotsRaster({ ...size, spacing: 30, radius: 8, colours: ['#6a2c91', '#a8e6cf'] });
    expect(analyzeRaster(r)).toEqual(analyzeRaster(r));
  });
});
