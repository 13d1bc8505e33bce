/** Gap kept between a popover and the window's edge. */
export const VIEWPORT_MARGIN = 8;

/**
 * How far to move a panel spanning [left, right] sideways so it lies inside a viewport of
 * `width`, keeping `margin` from each edge; the left edge wins when the panel is wider than that.
 */
export function shiftIntoViewport(left: number, right: number, width: number, margin = VIEWPORT_MARGIN): number {
  const overRight = right - (width - margin);
  const shift = overRight > 0 ? -overRight : 0;
  return left + shift < margin ? margin - left : shift;
}
