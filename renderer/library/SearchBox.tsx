import { useEffect, useRef, useState, type Ref } from 'react';

const DEBOUNCE_MS = 250;

interface SearchBoxProps {
  value: string;
  onSearch(text: string): void;
  /** Enter: the text as a sentence to understand ("red polka dots on cream, no stripes"). */
  onAsk(sentence: string): void;
  ref?: Ref<HTMLInputElement>;
}

/** Free-text search that waits for a pause in typing before it queries. */
export function SearchBox({ value, onSearch, onAsk, ref }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);
  const sent = useRef(value);
  /** The search typing would send after the pause; Enter sends the sentence instead, so it must not follow. */
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The URL changed under us (saved search, back button): show what it now says.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    if (draft === sent.current) return;
    pending.current = setTimeout(() => {
      sent.current = draft;
      onSearch(draft);
    }, DEBOUNCE_MS);
    return () => clearTimeout(pending.current);
  }, [draft, onSearch]);

  return (
    <input
      ref={ref}
      type="search"
      className="search-box"
      placeholder="Search, or ask: red dots on cream, no stripes ⏎"
      aria-label="Search"
      data-testid="search-input"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && draft.trim()) {
          e.preventDefault();
          clearTimeout(pending.current);
          sent.current = draft;
          onAsk(draft.trim());
        }
        if (e.key === 'Escape' && draft) {
          e.stopPropagation();
          setDraft('');
        }
      }}
    />
  );
}
