import { useRef, type PointerEvent, type RefObject } from 'react';
import { useApiMutation } from '../api';
import { drawStrokes, type BrushMode, type BrushStroke } from './mask-overlay';

/** The API's limits per stroke and per call. */
const MAX_POINTS = 5000;
const MAX_STROKES_PER_CALL = 200;

interface BrushRefs {
  /** Where strokes are drawn until the engine's new mask shows them; its pixels are mask pixels. */
  canvas: RefObject<HTMLCanvasElement | null>;
  /** The ring that shows the brush's size under the pointer. */
  ring: RefObject<HTMLDivElement | null>;
}

/**
 * Paints brush strokes over the cut-out and sends each one when the pointer lifts. Calls go one
 * at a time (each edits the mask the previous one saved); strokes made meanwhile go in the next.
 */
export function useCutoutBrush(
  campaignId: string,
  { canvas, ring }: BrushRefs,
  brush: { mode: BrushMode; radius: number },
) {
  const edit = useApiMutation('editCutout');
  const active = useRef<BrushStroke | null>(null);
  const unsent = useRef<BrushStroke[]>([]);
  const sending = useRef<BrushStroke[]>([]);

  const redraw = () => {
    if (canvas.current)
      drawStrokes(canvas.current, [...sending.current, ...unsent.current, ...(active.current ? [active.current] : [])]);
  };

  const send = async () => {
    if (sending.current.length) return;
    while (unsent.current.length) {
      sending.current = unsent.current.splice(0, MAX_STROKES_PER_CALL);
      try {
        await edit.mutateAsync({ id: campaignId, strokes: sending.current });
      } catch {
        // The mutation's error is shown; strokes drawn after a failure would edit a mask the user has not seen.
        unsent.current = [];
      } finally {
        sending.current = [];
        redraw();
      }
    }
  };

  const maskPoint = (event: PointerEvent<HTMLCanvasElement>): [number, number] => {
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
      active.current = { mode: brush.mode, radius: brush.radius, points: [maskPoint(event)] };
      redraw();
    },
    onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
      moveRing(event);
      const stroke = active.current;
      if (!stroke || stroke.points.length >= MAX_POINTS) return;
      const point = maskPoint(event);
      const last = stroke.points[stroke.points.length - 1];
      // The engine fills between points, so points closer than a quarter of the radius add nothing.
      if (Math.hypot(point[0] - last[0], point[1] - last[1]) < Math.max(1, stroke.radius / 4)) return;
      stroke.points.push(point);
      redraw();
    },
    onPointerUp() {
      if (!active.current) return;
      unsent.current.push(active.current);
      active.current = null;
      void send();
    },
    onPointerCancel() {
      active.current = null;
      redraw();
    },
    onPointerLeave() {
      if (ring.current) ring.current.style.display = 'none';
    },
  };

  return { handlers, error: edit.error, saving: edit.isPending };
}
