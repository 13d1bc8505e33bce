import { useRef } from 'react';
import { useApiMutation } from '../api';
import type { BrushMode, BrushStroke } from './mask-overlay';
import { useBrushStrokes, type BrushRefs } from './use-brush-strokes';

/** The API's limit on strokes per call. */
const MAX_STROKES_PER_CALL = 200;

/**
 * Paints brush strokes over the cut-out and sends each one when the pointer lifts. Calls go one
 * at a time (each edits the mask the previous one saved); strokes made meanwhile go in the next.
 * Strokes stay drawn until the engine's new mask shows them.
 */
export function useCutoutBrush(campaignId: string, refs: BrushRefs, brush: { mode: BrushMode; radius: number }) {
  const edit = useApiMutation('editCutout');
  const unsent = useRef<BrushStroke[]>([]);
  const sending = useRef<BrushStroke[]>([]);

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
        strokes.redraw();
      }
    }
  };

  const strokes = useBrushStrokes(
    refs,
    brush,
    () => [...sending.current, ...unsent.current],
    (stroke) => {
      unsent.current.push(stroke);
      void send();
    },
  );

  return { handlers: strokes.handlers, error: edit.error, saving: edit.isPending };
}
