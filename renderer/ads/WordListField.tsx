import { useId, useState } from 'react';

interface WordListFieldProps {
  label: string;
  words: readonly string[];
  onChange(words: string[]): void;
  hint?: string;
  placeholder?: string;
  /** One entry per line (entries that may contain commas, like selling points). */
  perLine?: boolean;
}

/** The API takes up to 50 entries of up to 80 characters, without repeats. */
function splitWords(text: string, separator: RegExp = /[,\n]/): string[] {
  return [
    ...new Set(
      text
        .split(separator)
        .map((word) => word.trim().slice(0, 80))
        .filter(Boolean),
    ),
  ].slice(0, 50);
}

/** A list typed as text (comma-separated, or one per line); the text is kept as typed so a trailing comma survives. */
export function WordListField({ label, words, onChange, hint, placeholder, perLine }: WordListFieldProps) {
  const id = useId();
  const [text, setText] = useState(() => words.join(perLine ? '\n' : ', '));
  const props = {
    id,
    value: text,
    placeholder,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onChange(event: { target: { value: string } }) {
      setText(event.target.value);
      onChange(splitWords(event.target.value, perLine ? /\n/ : undefined));
    },
  };
  return (
    <div className="ads-field">
      <label htmlFor={id}>{label}</label>
      {perLine ? <textarea rows={4} {...props} /> : <input type="text" {...props} />}
      {hint && (
        <span id={`${id}-hint`} className="small muted">
          {hint}
        </span>
      )}
    </div>
  );
}
