import type { AnalysisHead, LibraryStore } from '../store';
import { currentAnalysis } from './current-analysis';

export interface QueuedItem {
  hash: string;
  heads: AnalysisHead[];
  /** The answer under review (see currentAnalysis). */
  current: AnalysisHead;
  paths: readonly string[];
}

/**
 * Every item with a model answer and a file, oldest answer under review first. Worked out again
 * only when an answer is recorded or files come and go: at 250,000 items gathering and sorting
 * them took most of two seconds, and decisions, which change neither, come every second or so.
 */
export class QueueOrder {
  private version = '';
  private items: QueuedItem[] = [];

  constructor(private readonly store: LibraryStore) {}

  get(): readonly QueuedItem[] {
    const version = `${this.store.analysis.answersVersion()} ${this.store.reviews.assetPathsVersion()}`;
    if (version !== this.version) {
      this.items = this.gather();
      this.version = version;
    }
    return this.items;
  }

  private gather(): QueuedItem[] {
    const items: QueuedItem[] = [];
    for (const hash of this.store.reviews.analysedHashes()) {
      const heads = this.store.analysis.analysisHeads(hash);
      const current = currentAnalysis(heads);
      // Answers outlive their files: an item whose files are all gone is not in the queue.
      const paths = this.store.reviews.assetPaths(hash);
      if (current && paths) items.push({ hash, heads, current, paths });
    }
    return items.sort((a, b) => byAnswerTime(a.hash, a.current, b.hash, b.current));
  }
}

/** Queue order: by when the answer was recorded, then by hash so the order is stable. */
export function byAnswerTime(hashA: string, a: { at: number }, hashB: string, b: { at: number }): number {
  return a.at - b.at || hashA.localeCompare(hashB);
}
