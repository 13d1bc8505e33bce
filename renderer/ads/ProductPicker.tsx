import { useDeferredValue, useId, useState } from 'react';
import type { AssetSummary } from '../../shared/model';
import { useSearch, useTransport } from '../api';

interface ProductPickerProps {
  /** Names what is being picked, e.g. "product" or "logo". */
  purpose: string;
  selected?: string | null;
  onPick(item: AssetSummary): void;
}

/** Library images to choose from, newest first, narrowed by the same text search as the library. */
export function ProductPicker({ purpose, selected, onPick }: ProductPickerProps) {
  const id = useId();
  const transport = useTransport();
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const search = useSearch({ text: query || undefined, sort: 'date', order: 'desc' });
  const items = search.data?.items ?? [];
  return (
    <div className="product-picker" data-testid={`${purpose}-picker`}>
      <label htmlFor={id} className="visually-hidden">
        Search the library for a {purpose}
      </label>
      <input
        id={id}
        type="search"
        placeholder={`Search the library for a ${purpose}…`}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {search.error && <p className="error-text small">Search failed: {search.error.message}</p>}
      {search.data && items.length === 0 && <p className="muted small">No images match.</p>}
      <ul className="product-picker-grid" aria-label={`Images to use as the ${purpose}`}>
        {items.map((item) => (
          <li key={item.hash}>
            <button
              type="button"
              className="product-choice"
              aria-pressed={item.hash === selected}
              title={item.path}
              onClick={() => onPick(item)}
            >
              <img
                src={transport.mediaUrl('thumb', item.hash)}
                alt=""
                loading="lazy"
                decoding="async"
                draggable={false}
                style={{ backgroundColor: item.palette[0]?.hex }}
              />
              <span className="product-choice-name">{item.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
