import { useCallback, useState } from 'react';
import type { AssetSummary } from '../../shared/model';

export interface ClickModifiers {
  toggle: boolean;
  range: boolean;
}

interface SelectionState {
  hashes: ReadonlySet<string>;
  /** Where a Shift range starts: the last plainly-clicked or toggled index. */
  anchor: number | null;
}

const EMPTY: SelectionState = { hashes: new Set(), anchor: null };

/** Finder-style multi-select over a sparse, index-addressed result list. */
export function useSelection(loadedItems: () => Map<number, AssetSummary>) {
  const [state, setState] = useState<SelectionState>(EMPTY);

  const rangeHashes = useCallback(
    (from: number, to: number): string[] => {
      const loaded = loadedItems();
      const hashes: string[] = [];
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
        const item = loaded.get(i);
        if (item) hashes.push(item.hash);
      }
      return hashes;
    },
    [loadedItems],
  );

  const select = useCallback(
    (index: number, hash: string, { toggle, range }: ClickModifiers) => {
      setState((current) => {
        if (range && current.anchor !== null) {
          const inRange = rangeHashes(current.anchor, index);
          const base = toggle ? current.hashes : new Set<string>();
          return { hashes: new Set([...base, ...inRange]), anchor: current.anchor };
        }
        if (toggle) {
          const next = new Set(current.hashes);
          if (next.has(hash)) next.delete(hash);
          else next.add(hash);
          return { hashes: next, anchor: index };
        }
        return { hashes: new Set([hash]), anchor: index };
      });
    },
    [rangeHashes],
  );

  const selectAll = useCallback(() => {
    setState((current) => ({
      hashes: new Set([...loadedItems().values()].map((item) => item.hash)),
      anchor: current.anchor,
    }));
  }, [loadedItems]);

  const clear = useCallback(() => setState(EMPTY), []);

  return { selected: state.hashes, select, selectAll, clear };
}

export type Selection = ReturnType<typeof useSelection>;
