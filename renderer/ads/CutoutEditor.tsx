import { useEffect, useRef, useState } from 'react';
import type { Campaign } from '../../shared/model';
import { useCutout } from '../api';
import { BrushControls } from './BrushControls';
import { CutoutConfidence } from './CutoutConfidence';
import { RefineCutout } from './RefineCutout';
import { loadImage, paintMaskOverlay, type BrushMode } from './mask-overlay';
import { useCutoutBrush } from './use-cutout-brush';

/** Tall products stay on screen with the brush controls above them. */
const STAGE_MAX_HEIGHT = 460;

function cutoutStatus(cutout: Campaign['cutout']): string {
  if (!cutout) return 'No cut-out yet';
  if (cutout.method === 'whole-photo') return 'The whole photo, framed';
  if (cutout.quality?.confidence === 'none') return 'Cut out automatically: nothing found';
  const made = cutout.method === 'bedrock' ? 'Background removed by the image model' : 'Cut out automatically';
  return cutout.edited ? `${made}, corrected by hand` : made;
}

/** The product with what its cut-out drops tinted, and a brush to add back or take away. */
export function CutoutEditor({ campaign }: { campaign: Campaign }) {
  const cutout = useCutout(campaign.id);
  const overlay = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<HTMLCanvasElement>(null);
  const ring = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<BrushMode>('add');
  const [radius, setRadius] = useState(24);
  const [showMask, setShowMask] = useState(true);
  const [maskError, setMaskError] = useState<string | null>(null);
  const brush = useCutoutBrush(campaign.id, { canvas: strokes, ring }, { mode, radius });
  const maskUrl = cutout.data?.maskDataUrl;

  useEffect(() => {
    if (!maskUrl) return;
    let current = true;
    // A newer mask may arrive while this one decodes: only the newest is painted.
    loadImage(maskUrl).then(
      (image) => current && overlay.current && paintMaskOverlay(overlay.current, image),
      (error: Error) => current && setMaskError(error.message),
    );
    return () => {
      current = false;
    };
  }, [maskUrl]);

  const data = cutout.data;
  const error = cutout.error?.message ?? maskError ?? brush.error?.message;
  return (
    <section className="settings-section ads-cutout" aria-labelledby="cutout-title" data-testid="cutout-editor">
      <h2 id="cutout-title">Cut-out</h2>
      <p className="small">
        <span data-testid="cutout-status" data-edited={campaign.cutout?.edited ?? false}>
          {cutoutStatus(campaign.cutout)}
        </span>
        {brush.saving && <span className="muted"> · saving the correction…</span>}
      </p>
      <CutoutConfidence campaign={campaign} />
      <BrushControls
        mode={mode}
        onMode={setMode}
        radius={radius}
        onRadius={setRadius}
        showMask={showMask}
        onShowMask={setShowMask}
      />
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
      {!data && !cutout.error && <p className="muted small">Loading the cut-out…</p>}
      {data && (
        <div
          className="cutout-stage"
          style={{
            aspectRatio: `${data.width} / ${data.height}`,
            width: `min(100%, ${Math.round((STAGE_MAX_HEIGHT * data.width) / data.height)}px)`,
          }}
        >
          <img src={data.productDataUrl} alt={`${campaign.productName}, as photographed`} draggable={false} />
          <canvas ref={overlay} width={data.width} height={data.height} hidden={!showMask} aria-hidden="true" />
          <canvas
            ref={strokes}
            width={data.width}
            height={data.height}
            className="cutout-brush"
            data-testid="cutout-canvas"
            role="img"
            aria-label={`Brush canvas: drag to ${mode === 'add' ? 'add to' : 'remove from'} the product`}
            {...brush.handlers}
          />
          <div ref={ring} className="brush-ring" aria-hidden="true" />
        </div>
      )}
      <RefineCutout campaignId={campaign.id} />
    </section>
  );
}
