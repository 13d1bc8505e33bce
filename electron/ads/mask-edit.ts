/** Round brush strokes that add to or remove from a mask: a cut-out's corrections, a variant edit's region. */
import { BrushStroke } from '../../shared/model/ads';

export { BrushStroke };

export function applyStrokes(mask: Buffer, width: number, height: number, strokes: readonly BrushStroke[]): Buffer {
  const out = Buffer.from(mask);
  for (const stroke of strokes) {
    const value = stroke.mode === 'add' ? 255 : 0;
    let previous = stroke.points[0];
    for (const point of stroke.points) {
      // Dabs along the segment, closer than the radius, so a fast stroke leaves no gaps.
      const steps = Math.max(
        1,
        Math.ceil(Math.hypot(point[0] - previous[0], point[1] - previous[1]) / (stroke.radius / 2)),
      );
      for (let s = 1; s <= steps; s++) {
        dab(
          out,
          width,
          height,
          previous[0] + ((point[0] - previous[0]) * s) / steps,
          previous[1] + ((point[1] - previous[1]) * s) / steps,
          stroke.radius,
          value,
        );
      }
      dab(out, width, height, point[0], point[1], stroke.radius, value);
      previous = point;
    }
  }
  return out;
}

function dab(mask: Buffer, width: number, height: number, cx: number, cy: number, r: number, value: number): void {
  for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(height - 1, Math.ceil(cy + r)); y++) {
    for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(width - 1, Math.ceil(cx + r)); x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) mask[y * width + x] = value;
    }
  }
}
