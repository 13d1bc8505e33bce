import { useId } from 'react';
import type { BrushMode } from './mask-overlay';

interface BrushControlsProps {
  mode: BrushMode;
  onMode(mode: BrushMode): void;
  radius: number;
  onRadius(radius: number): void;
  showMask: boolean;
  onShowMask(show: boolean): void;
}

const MODES: { mode: BrushMode; label: string }[] = [
  { mode: 'add', label: 'Add to product' },
  { mode: 'remove', label: 'Remove' },
];

/** Brush mode and size (in the mask's pixels), and whether the dropped area is tinted. */
export function BrushControls({ mode, onMode, radius, onRadius, showMask, onShowMask }: BrushControlsProps) {
  const sizeId = useId();
  return (
    <div className="brush-controls" role="group" aria-label="Brush">
      <div className="segmented" role="group" aria-label="Brush mode">
        {MODES.map((option) => (
          <button
            key={option.mode}
            type="button"
            aria-pressed={mode === option.mode}
            onClick={() => onMode(option.mode)}
            className={`brush-mode ${option.mode}`}
          >
            {option.label}
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
      <label className="choice">
        <input type="checkbox" checked={showMask} onChange={(event) => onShowMask(event.target.checked)} />
        Tint what is left out
      </label>
    </div>
  );
}
