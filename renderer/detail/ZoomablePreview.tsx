import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Segment } from '../../shared/model';
import { useElementSize } from '../components/use-element-size';
import { zoomLabel } from './zoom-label';

interface ZoomablePreviewProps {
  src: string;
  width: number;
  height: number;
  segments: Segment[];
  alt: string;
}

interface View {
  scale: number;
  x: number;
  y: number;
}

const FIT: View = { scale: 1, x: 0, y: 0 };
const MIN_SCALE = 1;
const MAX_SCALE = 16;

/** Rescales about (px, py) in stage pixels, keeping the image point under it fixed. */
function zoomView(v: View, nextScale: (scale: number) => number, px: number, py: number): View {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, nextScale(v.scale)));
  if (scale === MIN_SCALE) return FIT;
  return { scale, x: px - ((px - v.x) * scale) / v.scale, y: py - ((py - v.y) * scale) / v.scale };
}

/** The preview fitted to the panel, zoomable about the cursor and draggable, with segment boxes. */
export function ZoomablePreview({ src, width, height, segments, alt }: ZoomablePreviewProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const frame = useElementSize(frameRef);
  const [view, setView] = useState<View>(FIT);
  const [showSegments, setShowSegments] = useState(true);
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);

  const fitWidth = Math.max(1, Math.min(frame.width, (frame.height * width) / Math.max(1, height)));
  const fitHeight = (fitWidth * height) / Math.max(1, width);
  const left = (frame.width - fitWidth) / 2;
  const top = (frame.height - fitHeight) / 2;

  const zoom = (nextScale: (scale: number) => number, px: number, py: number) =>
    setView((v) => zoomView(v, nextScale, px, py));

  // React's wheel handler is passive, and zooming must stop the panel from scrolling.
  const origin = useRef({ left, top });
  useEffect(() => {
    origin.current = { left, top };
  });
  useEffect(() => {
    const element = frameRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const factor = Math.exp(-event.deltaY * 0.0015);
      const px = event.clientX - rect.left - origin.current.left;
      const py = event.clientY - rect.top - origin.current.top;
      setView((v) => zoomView(v, (scale) => scale * factor, px, py));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (event: PointerEvent) => {
    if (view.scale === 1) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, view };
  };
  const onPointerMove = (event: PointerEvent) => {
    const start = drag.current;
    if (start)
      setView({ ...start.view, x: start.view.x + event.clientX - start.x, y: start.view.y + event.clientY - start.y });
  };
  const endDrag = () => {
    drag.current = null;
  };
  const centre = (nextScale: (scale: number) => number) => zoom(nextScale, fitWidth / 2, fitHeight / 2);

  return (
    <div className="preview">
      <div
        ref={frameRef}
        className={`preview-frame${view.scale > 1 ? ' pannable' : ''}`}
        data-testid="preview-frame"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={() => setView(FIT)}
      >
        <div
          className="preview-stage"
          style={{
            left,
            top,
            width: fitWidth,
            height: fitHeight,
            transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
          }}
        >
          <img src={src} alt={alt} draggable={false} data-testid="preview-image" />
          {showSegments &&
            segments.map((segment, i) => (
              <div
                key={i}
                className="segment-box"
                data-testid="segment-box"
                title={`${segment.analysis.pattern.label} · ${segment.analysis.palette.map((p) => p.name).join(', ')}`}
                style={{
                  left: `${(segment.box.x / width) * 100}%`,
                  top: `${(segment.box.y / height) * 100}%`,
                  width: `${(segment.box.width / width) * 100}%`,
                  height: `${(segment.box.height / height) * 100}%`,
                }}
              >
                <span>{segment.analysis.pattern.label}</span>
              </div>
            ))}
        </div>
      </div>
      <div className="preview-controls">
        <button type="button" className="icon-button" aria-label="Zoom out" onClick={() => centre((s) => s / 1.5)}>
          −
        </button>
        <span
          className="small muted zoom-level"
          data-testid="zoom-level"
          title="Shown at this share of the original's pixels"
        >
          {zoomLabel(view.scale, fitWidth / Math.max(1, width))}
        </span>
        <button type="button" className="icon-button" aria-label="Zoom in" onClick={() => centre((s) => s * 1.5)}>
          +
        </button>
        <button type="button" className="link-button small" onClick={() => setView(FIT)}>
          Fit
        </button>
        <button
          type="button"
          className="link-button small"
          title="Original pixels"
          onClick={() => centre(() => width / fitWidth)}
        >
          1:1
        </button>
        {segments.length > 0 && (
          <label className="small">
            <input type="checkbox" checked={showSegments} onChange={(e) => setShowSegments(e.target.checked)} />{' '}
            Segments ({segments.length})
          </label>
        )}
      </div>
    </div>
  );
}
