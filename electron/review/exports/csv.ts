import { ATTRIBUTE_FIELDS } from '../../../shared/model/attributes';
import type { ApprovedRecord } from './approved-records';

const COLUMNS = [
  'path',
  'library',
  'hash',
  'status',
  ...ATTRIBUTE_FIELDS,
  'patternLabels',
  'colourNames',
  'repeatSize',
  'correctedBy',
] as const;

/**
 * RFC 4180 CSV, one row per image; lists joined with "; ", colours as "name #hex". The last
 * columns are the local labels as people corrected them, and who corrected them.
 */
export function approvedCsv(records: readonly ApprovedRecord[]): string {
  const lines = [COLUMNS.join(',')];
  for (const record of records) {
    const values: Record<string, unknown> = {
      path: record.path,
      library: record.library,
      hash: record.hash,
      status: record.status,
      ...record.attributes,
      patternLabels: record.labels.patterns,
      colourNames: record.labels.colours,
      repeatSize: record.labels.repeat ? `${record.labels.repeat.width}x${record.labels.repeat.height}` : 'none',
      correctedBy: [...new Set(Object.values(record.corrections).map((c) => c.reviewer))],
    };
    lines.push(COLUMNS.map((c) => cell(values[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: unknown): string {
  return quote(neutralise(flatten(value)));
}

function flatten(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(flatten).join('; ');
  if (typeof value === 'object') {
    const { name, hex } = value as { name?: string; hex?: string };
    return [name, hex].filter(Boolean).join(' ');
  }
  return String(value);
}

/**
 * Model text could start with "=", "+", "-" or "@": a spreadsheet must show it, not run it.
 * Spreadsheets skip leading whitespace, control characters, zero-width spaces and a BOM before
 * they look for the sign, so those do not hide it; a leading tab or CR is escaped on its own.
 */
const FORMULA = /^[\s\p{Cc}\u200B-\u200D\u2060\uFEFF]*[=+\-@]|^[\t\r]/u;

function neutralise(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
