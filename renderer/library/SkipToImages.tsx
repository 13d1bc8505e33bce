import type { MouseEvent } from 'react';

/** The grid's one Tab stop: its focused cell, or the grid itself while that cell is scrolled away. */
const GRID_TAB_STOP = '[role="grid"] [role="gridcell"][tabindex="0"], [role="grid"][tabindex="0"]';

/**
 * The first Tab stop of the library: "Skip to images" takes focus past the navigation, toolbar
 * and sidebar to the grid. Hidden until focused, as skip links are.
 */
export function SkipToImages() {
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    document.querySelector<HTMLElement>(GRID_TAB_STOP)?.focus();
  };
  return (
    <a className="skip-link" href="#images" data-testid="skip-to-images" onClick={onClick}>
      Skip to images
    </a>
  );
}
