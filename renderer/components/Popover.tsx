import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { shiftIntoViewport } from './popover-position';

interface PopoverProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  trigger: ReactNode;
  children: ReactNode;
  align?: 'left' | 'right';
  placement?: 'below' | 'above';
}

/** Moves an open panel sideways, before it is painted, so no part of it is off the window. */
function useKeptInViewport(open: boolean) {
  const panelRef = useRef<HTMLDivElement>(null);
  const [shift, setShift] = useState(0);
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!open || !panel) return setShift(0);
    const { left, right } = panel.getBoundingClientRect();
    // Measured unshifted: the shift is reset whenever the panel closes.
    setShift(shiftIntoViewport(left, right, document.documentElement.clientWidth));
  }, [open]);
  return { panelRef, style: shift ? { transform: `translateX(${shift}px)` } : undefined };
}

/** A panel anchored to its trigger that closes on Escape or a click elsewhere, kept inside the window. */
export function Popover({ open, onOpenChange, trigger, children, align = 'left', placement = 'below' }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { panelRef, style } = useKeptInViewport(open);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onOpenChange(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onOpenChange(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open, onOpenChange]);
  return (
    <div className="popover-anchor" ref={ref}>
      {trigger}
      {open && (
        <div ref={panelRef} className={`popover ${align} ${placement}`} style={style} role="dialog">
          {children}
        </div>
      )}
    </div>
  );
}
