import { useRef, type PointerEvent, type RefObject } from 'react';
import { drawStrokes, type BrushMode, type BrushStroke } from './mask-overlay';

/** The API's limit on points per stroke. */
const MAX_POINTS = 5000;

export interface BrushRefs {
  /** Where strokes are drawn; its pixels are the pixels of the image under it. */
  canvas: RefObject<HTMLCanvasElement | null>;
  /** The ring that shows the brush's size under the pointer. */
  ring: RefObject<HTMLDivElement | null>;
}

/**
 * Round brush strokes painted with the pointer over an image, in the image's own pixels: each finished
 * stroke goes to `onStroke`; `shown` lists the earlier strokes still to be drawn with the one in progress.
 */
export function useBrushStrokes(
  { canvas, ring }: BrushRefs,
  brush: { mode: BrushMode; radius: number },
  shown: () => BrushStroke[],
  onStroke: (stroke: BrushStroke) => void,
) {
  const active = useRef<BrushStroke | null>(null);

  const redraw = () => {
    if (canvas.current) drawStrokes(canvas.current, [...shown(), ...(active.current ? [active.current] : [])]);
  };

  const imagePoint = (event: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const target = event.currentTarget;
    const rect = target.getBoundingClientRect();
    return [
      Math.round(((event.clientX - rect.left) * target.width) / rect.width),
      Math.round(((event.clientY - rect.top) * target.height) / rect.height),
    ];
  };

  const moveRing = (event: PointerEvent<HTMLCanvasElement>) => {
    const style = ring.current?.style;
    if (!style) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const diameter = (brush.radius * 2 * rect.width) / event.currentTarget.width;
    Object.assign(style, {
      display: 'block',
      width: `${diameter}px`,
      height: `${diameter}px`,
      left: `${event.clientX - rect.left}px`,
      top: `${event.clientY - rect.top}px`,
    });
  };

  const handlers = {
    onPointerDown(event: PointerEvent<HTMLCanvasElement>) {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      active.current = { mode: brush.mode, radius: brush.radius, points: [imagePoint(event)] };
      redraw();
    },
    onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
      moveRing(event);
      const stroke = active.current;
      if (!stroke || stroke.points.length >= MAX_POINTS) return;
      const point = imagePoint(event);
      const last = stroke.points[stroke.points.length - 1];
      // The engine fills between points, so points closer than a quarter of the radius add nothing.
      if (Math.hypot(point[0] - last[0], point[1] - last[1]) < Math.max(1, stroke.radius / 4)) return;
      stroke.points.push(point);
      redraw();
    },
    onPointerUp() {
      if (!active.current) return;
      const stroke = active.current;
      active.current = null;
      onStroke(stroke);
      redraw();
    },
    onPointerCancel() {
      active.current = null;
      redraw();
    },
    onPointerLeave() {
      if (ring.current) ring.current.style.display = 'none';
    },
  };

  return { handlers, redraw };
}
