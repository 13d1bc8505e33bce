import type { LibraryOp } from '../store';

/** The images other members' changes were about (for the UI to refetch), each once. */
export function hashesChangedBy(ops: readonly LibraryOp[]): string[] {
  const hashes = new Set<string>();
  for (const op of ops) for (const hash of hashesOf(op)) hashes.add(hash);
  return [...hashes];
}

function hashesOf(op: LibraryOp): readonly string[] {
  switch (op.type) {
    case 'recordAsset':
      return [op.asset.hash];
    case 'addLocation':
      return [op.hash];
    case 'setTags':
    case 'addToCollection':
    case 'removeFromCollection':
      return op.hashes;
    case 'recordReviewDecisions':
      return op.decisions.map((d) => d.hash);
    case 'recordLabelCorrections':
      return op.corrections.map((c) => c.hash);
    case 'recordModelAnalysis':
      return [op.analysis.hash];
    default:
      // Folders, files removed, renamed tags, collections, searches, campaigns: the UI refetches its lists.
      return [];
  }
}
