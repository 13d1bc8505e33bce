import { useCallback, useEffect, useRef, useState } from 'react';
import { useAsset, useCollections, useLibraryStatus, useTags } from '../api';
import { basename } from '../components/format';
import { useFolderDrop } from '../components/use-folder-drop';
import { DetailPanel } from '../detail/DetailPanel';
import { FolderSettings } from '../settings/FolderSettings';
import { ActiveFilters } from './ActiveFilters';
import { StreamingAnswer } from '../components/StreamingAnswer';
import { InterpretationBar } from './InterpretationBar';
import { useSentenceSearch } from './use-sentence-search';
import { AssetGrid } from './AssetGrid';
import { EmptyState } from './EmptyState';
import { FacetSidebar } from './FacetSidebar';
import { LibraryKeyboardHelp } from './LibraryKeyboardHelp';
import { QuickLook } from './QuickLook';
import { SelectionBar } from './SelectionBar';
import { Toolbar } from './Toolbar';
import { hasActiveFilters } from './url-state';
import { usePagedSearch, type IndexRange } from './use-paged-search';
import { useLibraryKeys } from './use-library-keys';
import { useSelection } from './use-selection';
import { useThumbSize } from './use-thumb-size';
import { useViewState } from './use-view-state';

const RANGE_SETTLE_MS = 120;

/** The library: toolbar, facets, grid and detail panel, wired to the URL. */
export function LibraryView() {
  const { view, filters, setFilters, setView, openAsset } = useViewState();
  const status = useLibraryStatus();
  const collections = useCollections();
  const tags = useTags();
  const similar = useAsset(filters.similarTo ?? null);
  const [thumbSize, setThumbSize] = useThumbSize();
  const [visible, setVisible] = useState<IndexRange>({ start: 0, end: 0 });
  const [focusIndex, setFocusIndex] = useState(0);
  const [quickLook, setQuickLook] = useState(false);
  /** Quick look tiles the image (kept while arrowing through images, as in a repeat check). */
  const [tiled, setTiled] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const search = usePagedSearch(filters, visible);
  const selection = useSelection(search.loadedItems);
  const drop = useFolderDrop();
  const reference = view.open ?? (selection.selected.size === 1 ? [...selection.selected][0] : null);
  const sentence = useSentenceSearch(filters, setFilters, reference);

  // A new search is a new list: old indices and selections no longer mean anything.
  const filtersKey = JSON.stringify(filters);
  const [shownKey, setShownKey] = useState(filtersKey);
  if (shownKey !== filtersKey) {
    setShownKey(filtersKey);
    setFocusIndex(0);
    setQuickLook(false);
    selection.clear();
  }

  // Fetch pages for where the user stops, not for every row flung past.
  const rangeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onVisibleRange = useCallback((range: IndexRange) => {
    clearTimeout(rangeTimer.current);
    rangeTimer.current = setTimeout(() => setVisible(range), RANGE_SETTLE_MS);
  }, []);
  useEffect(() => () => clearTimeout(rangeTimer.current), []);
  const onOpen = useCallback((hash: string) => openAsset(hash), [openAsset]);
  const onFocusIndex = useCallback(
    (index: number) => {
      setFocusIndex(index);
      // An open detail panel follows the focus, like an inspector.
      const hash = search.itemAt(index)?.hash;
      if (view.open && hash && hash !== view.open) setView((v) => ({ ...v, open: hash }), { replace: true });
    },
    [search, view.open, setView],
  );

  useLibraryKeys({
    escape: () => {
      if (quickLook) setQuickLook(false);
      else if (view.open) openAsset(null);
      else if (selection.selected.size > 0) selection.clear();
      else return false;
      return true;
    },
    selectAll: selection.selectAll,
    focusSearch: () => searchRef.current?.focus(),
    toggleHelp: () => setHelpOpen((open) => !open),
    toggleTiling: () => quickLook && setTiled((on) => !on),
  });

  const noFolders = status.data?.folders.length === 0;
  const focusedItem = search.itemAt(focusIndex);
  const selectedItems =
    selection.selected.size > 0
      ? [...search.loadedItems().values()].filter((item) => selection.selected.has(item.hash))
      : [];
  const similarPath = similar.data?.locations[0]?.path;

  return (
    <div className="library-view">
      <Toolbar
        filters={filters}
        setFilters={setFilters}
        searchRef={searchRef}
        thumbSize={thumbSize}
        onThumbSize={setThumbSize}
        onOpenSettings={() => setSettingsOpen(true)}
        onAsk={sentence.ask}
      />
      <div className="workspace">
        <FacetSidebar facets={search.facets} filters={filters} setFilters={setFilters} />
        <main className="content" id="images">
          {noFolders ? (
            <EmptyState />
          ) : (
            <>
              {selection.selected.size > 0 ? (
                <SelectionBar
                  hashes={selection.selected}
                  items={selectedItems}
                  filteredCollections={filters.collections}
                  onClear={selection.clear}
                />
              ) : (
                <>
                  {sentence.interpretation && (
                    <InterpretationBar
                      interpretation={sentence.interpretation}
                      setFilters={setFilters}
                      onChange={sentence.setInterpretation}
                    />
                  )}
                  {sentence.asking && sentence.stream.text && (
                    <StreamingAnswer
                      text={sentence.stream.text}
                      onStop={sentence.stream.stop}
                      label="The model's reading of the search so far"
                    />
                  )}
                  {sentence.error && <p className="error-text pad">{sentence.error}</p>}
                  <ActiveFilters
                    filters={filters}
                    collections={collections.data}
                    similarName={similarPath && basename(similarPath)}
                    total={search.total}
                    setFilters={setFilters}
                  />
                </>
              )}
              {search.error && <p className="error-text pad">Search failed: {search.error.message}</p>}
              {!search.isLoading && search.total === 0 && (
                <div className="no-results" data-testid="no-results">
                  {status.data?.progress.running
                    ? 'Indexing… images appear here as they are read.'
                    : hasActiveFilters(filters)
                      ? 'Nothing matches these filters.'
                      : 'No images found in the library folders yet.'}
                </div>
              )}
              <AssetGrid
                search={search}
                thumbSize={thumbSize}
                selection={selection}
                focusIndex={focusIndex}
                onFocusIndex={onFocusIndex}
                onVisibleRange={onVisibleRange}
                onOpen={onOpen}
                onQuickLook={() => setQuickLook((open) => !open)}
              />
            </>
          )}
        </main>
        {view.open && (
          <DetailPanel
            hash={view.open}
            onClose={() => openAsset(null)}
            onOpen={onOpen}
            onMoreLikeThis={(hash) => setFilters((f) => ({ ...f, similarTo: hash, sort: 'similarity' }))}
            onColour={(hex) =>
              setFilters((f) => ({ ...f, colourNear: { hex, tolerance: f.colourNear?.tolerance ?? 12 } }))
            }
          />
        )}
      </div>
      {quickLook && focusedItem && <QuickLook item={focusedItem} tiled={tiled} onClose={() => setQuickLook(false)} />}
      {settingsOpen && <FolderSettings onClose={() => setSettingsOpen(false)} />}
      {helpOpen && <LibraryKeyboardHelp onClose={() => setHelpOpen(false)} />}
      {drop.dragging && <div className="drop-overlay">Drop folders to add them to the library</div>}
      {drop.error && <div className="toast error-text">{drop.error}</div>}
      <datalist id="tag-suggestions">
        {tags.data?.map((tag) => (
          <option key={tag.name} value={tag.name} />
        ))}
      </datalist>
    </div>
  );
}
