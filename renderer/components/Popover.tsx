import { useEffect, useRef, type ReactNode } from 'react';

interface PopoverProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  trigger: ReactNode;
  children: ReactNode;
  align?: 'left' | 'right';
  placement?: 'below' | 'above';
}

/** A panel anchored to its trigger that closes on Escape or a click elsewhere. */
export function Popover({ open, onOpenChange, trigger, children, align = 'left', placement = 'below' }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
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
        <div className={`popover ${align} ${placement}`} role="dialog">
          {children}
        </div>
      )}
    </div>
  );
}
