import { ModelAttributes, type AttributeField, type NamedColour } from '../../shared/model';

/** How a field is edited: its shape in the attribute schema. */
export type FieldKind = 'list' | 'colours' | 'text' | 'long text' | 'choice';

const KINDS: Record<AttributeField, FieldKind> = {
  patternTypes: 'list',
  motifs: 'list',
  colours: 'colours',
  style: 'text',
  repeatScale: 'choice',
  technique: 'text',
  mood: 'list',
  suitableProducts: 'list',
  description: 'long text',
  keywords: 'list',
};

export const fieldKind = (field: AttributeField): FieldKind => KINDS[field];

export const REPEAT_SCALES: readonly string[] = ModelAttributes.shape.repeatScale.options;

const isColour = (value: unknown): value is NamedColour =>
  typeof value === 'object' && value !== null && 'hex' in value;

/** One line of plain text for a value, as the editor shows it ("navy #1b2a4a, cream #fffdd0"). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (isColour(v) ? `${v.name} ${v.hex}` : String(v))).join(', ');
  return String(value);
}

/**
 * The editor's text as the field's value. Nothing is checked here: the engine validates
 * against the schema and its message is shown beside the editor.
 */
export function parseValue(field: AttributeField, text: string): unknown {
  const parts = () =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  switch (KINDS[field]) {
    case 'list':
      return parts();
    case 'colours':
      return parts().map((part) => {
        const match = /^(.*?)\s*(#[0-9a-fA-F]{6})$/.exec(part);
        return match ? { name: match[1].trim(), hex: match[2] } : { name: part, hex: '' };
      });
    default:
      return text.trim();
  }
}

/** Whether two answers say the same thing: list order and letter case do not count. */
export function sameValue(a: unknown, b: unknown): boolean {
  const normal = (value: unknown) =>
    Array.isArray(value)
      ? value
          .map((v) => valueText([v]).toLowerCase())
          .sort()
          .join('\n')
      : valueText(value).toLowerCase();
  return normal(a) === normal(b);
}
