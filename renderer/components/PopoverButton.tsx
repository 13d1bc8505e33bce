import { useState, type ComponentProps, type ReactNode } from 'react';
import { Popover } from './Popover';

type PopoverButtonProps = Omit<ComponentProps<'button'>, 'type' | 'onClick' | 'children'> & {
  label: ReactNode;
  align?: 'left' | 'right';
  placement?: 'below' | 'above';
  /** The panel; as a function it is handed a way to close itself (after a form is done). */
  children: ReactNode | ((close: () => void) => ReactNode);
};

/** A button that opens and closes a popover panel, saying whether it is open. */
export function PopoverButton({ label, align, placement, children, ...button }: PopoverButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      align={align}
      placement={placement}
      trigger={
        <button type="button" {...button} aria-expanded={open} onClick={() => setOpen(!open)}>
          {label}
        </button>
      }
    >
      {typeof children === 'function' ? children(() => setOpen(false)) : children}
    </Popover>
  );
}
