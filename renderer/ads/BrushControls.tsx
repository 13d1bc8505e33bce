import { useId } from 'react';
import type { BrushMode } from './mask-overlay';

interface BrushControlsProps {
  mode: BrushMode;
  onMode(mode: BrushMode): void;
  radius: number;
  onRadius(radius: number): void;
  /** What each mode does, in the words of what is brushed. */
  modeLabels?: Record<BrushMode, string>;
  /** Whether the dropped area is tinted (the cut-out's overlay; absent where there is none). */
  showMask?: boolean;
  onShowMask?(show: boolean): void;
}

const CUTOUT_LABELS: Record<BrushMode, string> = { add: 'Add to product', remove: 'Remove' };

/** Brush mode and size (in the brushed image's pixels), and whether the dropped area is tinted. */
export function BrushControls({
  mode,
  onMode,
  radius,
  onRadius,
  modeLabels = CUTOUT_LABELS,
  showMask,
  onShowMask,
}: BrushControlsProps) {
  const sizeId = useId();
  return (
    <div className="brush-controls" role="group" aria-label="Brush">
      <div className="segmented" role="group" aria-label="Brush mode">
        {(['add', 'remove'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={mode === option}
            onClick={() => onMode(option)}
            className={`brush-mode ${option}`}
          >
            {modeLabels[option]}
          </button>
        ))}
      </div>
      <label htmlFor={sizeId}>Brush size</label>
      <input
        id={sizeId}
        type="range"
        min={2}
        max={120}
        value={radius}
        onChange={(event) => onRadius(Number(event.target.value))}
      />
      <output htmlFor={sizeId} className="small muted">
        {radius} px
      </output>
      {showMask !== undefined && onShowMask && (
        <label className="choice">
          <input type="checkbox" checked={showMask} onChange={(event) => onShowMask(event.target.checked)} />
          Tint what is left out
        </label>
      )}
    </div>
  );
}
