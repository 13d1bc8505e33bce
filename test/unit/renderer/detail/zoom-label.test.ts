import { describe, expect, it } from 'vitest';
import { zoomLabel } from '../../../../renderer/detail/zoom-label';

describe('zoomLabel', () => {
  it('says Fit with the real scale while fitted, and the real scale once zoomed', () => {
    expect(zoomLabel(1, 0.37)).toBe('Fit (37 %)');
    expect(zoomLabel(1 / 0.37, 0.37)).toBe('100 %');
    expect(zoomLabel(1.5, 0.5)).toBe('75 %');
  });
});
