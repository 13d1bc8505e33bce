import type { ModelAttributes } from '../../shared/model/attributes';
import type { LibraryStore } from '../store';

/** One entry of `--json` output per file found (documented in the README). */
export interface IndexedFileEntry {
  path: string;
  hash: string | null;
  width: number | null;
  height: number | null;
  format: string | null;
  palette: Array<{ hex: string; name: string; share: number }>;
  pattern: { label: string; confidence: number; repeatPx: { width: number; height: number } | null } | null;
  segments: number;
  error: string | null;
  /** The latest model answer for this image (null until a model analysed it) and the model that gave it. */
  attributes: ModelAttributes | null;
  model: string | null;
}

export function indexedFiles(store: LibraryStore, root: string): IndexedFileEntry[] {
  return store.listFiles(root).map((file) => {
    const asset = file.hash ? store.getAsset(file.hash) : undefined;
    if (!asset) {
      return {
        path: file.path,
        hash: file.hash,
        width: null,
        height: null,
        format: null,
        palette: [],
        pattern: null,
        segments: 0,
        error: file.error ?? 'not ingested',
        attributes: null,
        model: null,
      };
    }
    const { pattern, palette } = asset.analysis;
    const latest =
      store.analysis
        .listModelAnalyses(asset.hash)
        .sort((a, b) => a.at - b.at)
        .at(-1) ?? null;
    return {
      path: file.path,
      hash: asset.hash,
      width: asset.metadata.width,
      height: asset.metadata.height,
      format: asset.metadata.format,
      palette: palette.map(({ hex, name, share }) => ({ hex, name, share })),
      pattern: {
        label: pattern.label,
        confidence: pattern.confidence,
        repeatPx: pattern.repeat ? { width: pattern.repeat.width, height: pattern.repeat.height } : null,
      },
      segments: asset.segments.length,
      error: null,
      attributes: latest?.attributes ?? null,
      model: latest?.modelId ?? null,
    };
  });
}

/** The human summary printed after a run: counts, duplicates and every failure with its reason. */
export function summaryText(
  entries: IndexedFileEntry[],
  errors: Array<{ path: string; reason: string; kind?: 'file' | 'environment' }>,
): string {
  const ok = entries.filter((e) => e.error === null);
  const lines = [`Indexed ${entries.length} files: ${ok.length} ingested, ${entries.length - ok.length} failed.`];
  lines.push(`Patterns: ${formatCounts(count(ok.map((e) => e.pattern?.label ?? 'unknown')))}`);
  lines.push(`Colours (dominant): ${formatCounts(count(ok.map((e) => e.palette[0]?.name ?? 'unknown')))}`);
  const byHash = groupBy(ok, (e) => e.hash ?? '');
  const duplicates = [...byHash.values()].filter((group) => group.length > 1);
  lines.push(`Duplicates: ${duplicates.length} sets of identical files`);
  for (const group of duplicates) lines.push(`  ${group.map((e) => e.path).join('  =  ')}`);
  if (errors.length > 0) {
    lines.push(`Failed files (${errors.length}):`);
    // A failure of the machine, not of the file, is read again by the next run.
    const note = (kind?: string) => (kind === 'environment' ? ' (not the file: read again next run)' : '');
    for (const error of errors) lines.push(`  ${error.path}: ${error.reason}${note(error.kind)}`);
  }
  return lines.join('\n');
}

function count(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function formatCounts(counts: Map<string, number>): string {
  if (counts.size === 0) return 'none';
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
