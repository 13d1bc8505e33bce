import { useRef, useState, type ReactNode } from 'react';
import { useRovingFocus } from '../components/use-roving-focus';
import type { FacetCount } from '../../shared/model';

export interface FacetOption extends FacetCount {
  label?: string;
  swatch?: string;
}

interface FacetGroupProps {
  name: string;
  title: string;
  options: FacetOption[];
  selected: readonly string[] | undefined;
  onToggle(value: string): void;
  /** Extra controls under the title (a colour picker, a tag rename form). */
  children?: ReactNode;
  layout?: 'list' | 'chips';
  initiallyOpen?: boolean;
}

/** Merges selected values the current counts no longer mention, so they can still be unticked. */
function withSelected(options: FacetOption[], selected: readonly string[] | undefined): FacetOption[] {
  const missing = (selected ?? []).filter((value) => !options.some((o) => o.value === value));
  return [...options, ...missing.map((value) => ({ value, count: 0 }))];
}

export function FacetGroup({
  name,
  title,
  options,
  selected,
  onToggle,
  children,
  layout = 'list',
  initiallyOpen = true,
}: FacetGroupProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const listRef = useRef<HTMLUListElement>(null);
  const roving = useRovingFocus(listRef, layout === 'chips' ? 'both' : 'vertical');
  const all = withSelected(options, selected);
  return (
    <section className="facet-group" data-testid={`facet-${name}`}>
      <button type="button" className="section-title" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span>{title}</span>
        {selected && selected.length > 0 && <span className="badge">{selected.length}</span>}
      </button>
      {open && (
        <>
          {children}
          <ul ref={listRef} className={`facet-options ${layout}`} role="list" {...roving}>
            {all.length === 0 && <li className="muted small">None</li>}
            {all.map((option) => {
              const active = selected?.includes(option.value) ?? false;
              return (
                <li key={option.value}>
                  <button
                    type="button"
                    className={`facet-option${active ? ' active' : ''}${option.count === 0 ? ' empty' : ''}`}
                    aria-pressed={active}
                    title={option.label ?? option.value}
                    data-testid="facet-option"
                    data-roving-item
                    data-value={option.value}
                    data-count={option.count}
                    onClick={() => onToggle(option.value)}
                  >
                    {option.swatch && <span className="swatch" style={{ backgroundColor: option.swatch }} />}
                    <span className="facet-label">{option.label ?? option.value}</span>
                    <span className="facet-count">{option.count}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
