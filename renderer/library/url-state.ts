import { REVIEW_STATUSES } from '../../shared/model/asset';
import { FACET_QUERY_FIELDS, ORIENTATIONS, SORT_KEYS, type SearchQuery } from '../../shared/model/search';
import { PATTERN_LABELS } from '../../shared/vocabulary/pattern-labels';

/** The filters part of a search: everything but paging. */
export type Filters = Omit<SearchQuery, 'offset' | 'limit'>;

/** Everything a bookmark restores: the filters and the asset open in the detail panel. */
export interface ViewState {
  filters: Filters;
  open: string | null;
}

const LIST_PARAMS = { ...FACET_QUERY_FIELDS, collection: 'collections' } as const satisfies Record<
  string,
  keyof Filters
>;

/** Query-string keys this module owns; any other parameter in the URL is left alone. */
const VIEW_PARAMS = new Set<string>([
  ...Object.keys(LIST_PARAMS),
  'q',
  'near',
  'tol',
  'similar',
  'match',
  'model',
  'notmodel',
  'conf',
  'xafter',
  'xbefore',
  'after',
  'before',
  'sort',
  'order',
  'open',
]);

const ALLOWED: Partial<Record<keyof typeof LIST_PARAMS, readonly string[]>> = {
  pattern: PATTERN_LABELS,
  orientation: ORIENTATIONS,
  status: REVIEW_STATUSES,
};

/** Numbers a sentence's chips set: a confidence (0–1) and added-time bounds (ms since 1970). */
const NUMBER_PARAMS = [
  ['conf', 'maxConfidence', 1],
  ['after', 'addedAfter', Number.MAX_SAFE_INTEGER],
  ['before', 'addedBefore', Number.MAX_SAFE_INTEGER],
] as const;
const HEX = /^[0-9a-f]{6}$/i;
const HASH = /^[0-9a-f]{64}$/;

/** A time (ms since 1970) from the URL, or nothing when it is not one. */
function timeParam(value: string | null): number | undefined {
  const time = Number(value || NaN);
  return Number.isInteger(time) && time >= 0 ? time : undefined;
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Reads a view from a query string, silently dropping anything malformed (old or hand-edited links). */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters: Record<string, unknown> = {};
  const text = params.get('q')?.slice(0, 500);
  if (text) filters.text = text;
  for (const [param, field] of Object.entries(LIST_PARAMS)) {
    const allowed = ALLOWED[param as keyof typeof LIST_PARAMS];
    const values = [...new Set(params.getAll(param))].filter((v) => v !== '' && (!allowed || allowed.includes(v)));
    if (values.length > 0) filters[field] = values;
  }
  const near = params.get('near');
  if (near && HEX.test(near)) {
    const tolerance = Number(params.get('tol'));
    filters.colourNear = {
      hex: `#${near.toLowerCase()}`,
      tolerance: tolerance >= 1 && tolerance <= 100 ? tolerance : 12,
    };
  }
  const similar = params.get('similar');
  if (similar && HASH.test(similar)) filters.similarTo = similar;
  if (params.get('match') === 'ranked') filters.match = 'ranked';
  const models = params.getAll('model').filter((model) => model !== '' && model.length <= 200);
  if (models.length > 0) filters.answeredBy = [...new Set(models)];
  const notModels = params.getAll('notmodel').filter((model) => model !== '' && model.length <= 200);
  if (notModels.length > 0) filters.notAnsweredBy = [...new Set(notModels)];
  const [xafter, xbefore] = [timeParam(params.get('xafter')), timeParam(params.get('xbefore'))];
  if (xafter !== undefined || xbefore !== undefined)
    filters.addedOutside = {
      ...(xafter !== undefined && { after: xafter }),
      ...(xbefore !== undefined && { before: xbefore }),
    };
  for (const [param, field, max] of NUMBER_PARAMS) {
    const value = Number(params.get(param) || NaN);
    if (value >= 0 && value <= max) filters[field] = value;
  }
  filters.sort = pick(params.get('sort'), SORT_KEYS, 'date');
  if (filters.sort === 'similarity' && !filters.similarTo) filters.sort = 'date';
  filters.order = pick(params.get('order'), ['asc', 'desc'] as const, 'desc');
  const open = params.get('open');
  return { filters: filters as Filters, open: open && HASH.test(open) ? open : null };
}

/** Writes a view into a query string, keeping parameters that belong to someone else. */
export function serializeViewState(view: ViewState, base: string): string {
  const params = new URLSearchParams(base);
  for (const key of VIEW_PARAMS) params.delete(key);
  const { filters } = view;
  if (filters.text) params.set('q', filters.text);
  for (const [param, field] of Object.entries(LIST_PARAMS)) {
    for (const value of (filters[field] as string[] | undefined) ?? []) params.append(param, value);
  }
  if (filters.colourNear) {
    params.set('near', filters.colourNear.hex.replace('#', ''));
    params.set('tol', String(filters.colourNear.tolerance ?? 12));
  }
  if (filters.similarTo) params.set('similar', filters.similarTo);
  if (filters.match === 'ranked') params.set('match', 'ranked');
  for (const model of filters.answeredBy ?? []) params.append('model', model);
  for (const model of filters.notAnsweredBy ?? []) params.append('notmodel', model);
  if (filters.addedOutside?.after !== undefined) params.set('xafter', String(filters.addedOutside.after));
  if (filters.addedOutside?.before !== undefined) params.set('xbefore', String(filters.addedOutside.before));
  if (filters.maxConfidence !== undefined) params.set('conf', String(filters.maxConfidence));
  if (filters.addedAfter !== undefined) params.set('after', String(filters.addedAfter));
  if (filters.addedBefore !== undefined) params.set('before', String(filters.addedBefore));
  if (filters.sort && filters.sort !== 'date') params.set('sort', filters.sort);
  if (filters.order && filters.order !== 'desc') params.set('order', filters.order);
  if (view.open) params.set('open', view.open);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Same filters in canonical form, so equal views share one cache entry. */
export function normaliseFilters(filters: Filters): Filters {
  return parseViewState(serializeViewState({ filters, open: null }, '')).filters;
}

export function toggleValue<T extends string>(values: readonly T[] | undefined, value: T): T[] | undefined {
  const current = values ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return next.length > 0 ? next : undefined;
}

export function hasActiveFilters(filters: Filters): boolean {
  return Object.entries(filters).some(([key, value]) => key !== 'sort' && key !== 'order' && value !== undefined);
}
