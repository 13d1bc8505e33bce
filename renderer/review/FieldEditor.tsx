import { useState, type KeyboardEvent } from 'react';
import type { AttributeField } from '../../shared/model';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { fieldKind, parseValue, REPEAT_SCALES, valueText, type FieldKind } from './field-values';
import { FieldValueText } from './FieldValueText';

interface FieldEditorProps {
  field: AttributeField;
  initial: unknown;
  saving: boolean;
  /** The engine's reason for refusing the last value, shown in place. */
  error: string | null;
  onSave(value: unknown): void;
  onCancel(): void;
}

const HINTS: Record<FieldKind, string> = {
  list: 'Comma-separated terms.',
  colours: 'Comma-separated “name #rrggbb”.',
  text: 'A short term.',
  'long text': 'Up to 200 characters.',
  choice: '',
};

/** The reviewer's own value for one field; the model's value stays beside it in the record. */
export function FieldEditor({ field, initial, saving, error, onSave, onCancel }: FieldEditorProps) {
  const kind = fieldKind(field);
  const [text, setText] = useState(valueText(initial));
  const label = `Edit ${FIELD_LABELS[field]}`;
  // Not disabled while saving: a disabled control loses focus, and a refused value is corrected in place.
  const save = () => {
    if (!saving) onSave(parseValue(field, text));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };
  const common = {
    'aria-label': label,
    value: text,
    onKeyDown,
    autoFocus: true,
    'aria-busy': saving,
    'data-testid': 'field-editor-input',
  };

  return (
    <div className="field-editor" data-testid="field-editor" data-field={field}>
      {kind === 'choice' ? (
        <select {...common} onChange={(e) => setText(e.target.value)}>
          {REPEAT_SCALES.map((scale) => (
            <option key={scale} value={scale}>
              {scale}
            </option>
          ))}
        </select>
      ) : kind === 'long text' ? (
        <textarea {...common} rows={3} maxLength={200} onChange={(e) => setText(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => setText(e.target.value)} />
      )}
      {kind === 'colours' && (
        <div className="small">
          <FieldValueText value={parseValue(field, text)} />
        </div>
      )}
      <div className="field-editor-actions">
        <span className="small muted">{HINTS[kind]} Enter saves, Esc cancels.</span>
        <button type="button" className="primary" onClick={save} disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error-text small" role="alert" data-testid="field-editor-error">
          {error}
        </p>
      )}
    </div>
  );
}
