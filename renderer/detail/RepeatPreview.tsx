import { useId, useRef, useState } from 'react';
import type { Repeat } from '../../shared/model';
import { useElementSize } from '../components/use-element-size';
import { defaultRepeatScale, REPEAT_SCALES, repeatBlock, repeatTileOf, type RepeatTile } from './repeat-tile';

interface RepeatPatternProps {
  id: string;
  src: string;
  width: number;
  height: number;
  tile: RepeatTile;
  /** Percent of the original's pixels. */
  scale: number;
}

interface RepeatPreviewProps {
  /** The 512 px preview: tiles are cut from it, laid out at the original's pixel size. */
  src: string;
  width: number;
  height: number;
  repeat: Repeat | null;
}

/**
 * The repeat block as an SVG pattern: each draw is a window (a nested svg whose viewBox is the
 * tile) onto the image laid out at the original's pixel size. SVG rather than a canvas: the
 * desktop app's media come from another origin, and a canvas that drew them could not be exported.
 */
function RepeatPattern({ id, src, width, height, tile, scale }: RepeatPatternProps) {
  const block = repeatBlock(tile);
  const k = scale / 100;
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={block.width * k} height={block.height * k}>
      {block.draws.map((at) => (
        <svg
          key={`${at.x},${at.y}`}
          x={at.x * k}
          y={at.y * k}
          width={tile.width * k}
          height={tile.height * k}
          viewBox={`${tile.x} ${tile.y} ${tile.width} ${tile.height}`}
          preserveAspectRatio="none"
        >
          <image href={src} width={width} height={height} preserveAspectRatio="none" />
        </svg>
      ))}
    </pattern>
  );
}

/**
 * How the design repeats on a surface: the detected repeat tile (half-drop and brick shifts kept)
 * or the whole image, tiled at a chosen share of its original pixels.
 */
function RepeatSurface({ src, width, height, repeat }: RepeatPreviewProps) {
  const surfaceRef = useRef<HTMLDivElement>(null);
  const surface = useElementSize(surfaceRef);
  const [useRepeat, setUseRepeat] = useState(repeat !== null);
  const tile = repeatTileOf(width, height, useRepeat ? repeat : null);
  const [chosenScale, setScale] = useState<number | null>(null);
  const scale = chosenScale ?? defaultRepeatScale(tile.width, surface.width || 320);
  const patternId = `repeat-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <>
      <div ref={surfaceRef} className="repeat-surface">
        <svg
          width="100%"
          height="100%"
          data-testid="repeat-surface"
          data-tile={`${tile.width}x${tile.height}+${tile.offsetX}`}
        >
          <defs>
            <RepeatPattern id={patternId} src={src} width={width} height={height} tile={tile} scale={scale} />
          </defs>
          <rect width="100%" height="100%" fill={`url(#${patternId})`} />
        </svg>
      </div>
      <div className="repeat-controls small">
        {repeat && (
          <label>
            <input type="checkbox" checked={useRepeat} onChange={(e) => setUseRepeat(e.target.checked)} /> Detected
            repeat {repeat.width}×{repeat.height}
            {repeat.offsetX !== 0 && `, rows shifted ${repeat.offsetX}`} px
          </label>
        )}
        <label className="repeat-scale">
          <span className="muted">Scale</span>
          <input
            type="range"
            min={REPEAT_SCALES.min}
            max={REPEAT_SCALES.max}
            step={REPEAT_SCALES.step}
            value={scale}
            aria-label="Repeat scale"
            data-testid="repeat-scale"
            onChange={(e) => setScale(Number(e.target.value))}
          />
          <span className="muted" data-testid="repeat-scale-value">
            {scale} %
          </span>
        </label>
      </div>
    </>
  );
}

/** A folded section of the detail panel; the surface is drawn only once it is opened. */
export function RepeatPreview(props: RepeatPreviewProps) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="repeat-preview"
      data-testid="repeat-preview"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Repeat preview</summary>
      {open && <RepeatSurface {...props} />}
    </details>
  );
}
