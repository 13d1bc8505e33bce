import type { FacetCount, FacetName } from '../../shared/model';
import { COLOUR_NAMES } from '../../shared/vocabulary/colour-names';
import { useLibraryStatus } from '../api';
import { AddFolderButton } from '../components/AddFolderButton';
import { reviewStatusLabel } from '../components/format';
import { CollectionsPanel } from './CollectionsPanel';
import { ColourPicker } from './ColourPicker';
import { FacetGroup, type FacetOption } from './FacetGroup';
import { FolderTree } from './FolderTree';
import { SavedSearchesPanel } from './SavedSearchesPanel';
import { TagRename } from './TagRename';
import { folderStateLabels } from './folder-state';
import { buildFolderTree } from './folder-tree';
import { toggleValue, type Filters } from './url-state';
import type { NavigateOptions } from './use-view-state';

const SWATCH = new Map<string, string>(COLOUR_NAMES.map((c) => [c.name, c.hex]));

interface FacetSidebarProps {
  facets: Partial<Record<FacetName, FacetCount[]>> | undefined;
  filters: Filters;
  setFilters(update: (current: Filters) => Filters, options?: NavigateOptions): void;
}

type ListField = 'patterns' | 'colours' | 'folders' | 'formats' | 'orientations' | 'statuses' | 'tags' | 'collections';

/** Every filter with live counts; each count already reflects all the other active filters. */
export function FacetSidebar({ facets, filters, setFilters }: FacetSidebarProps) {
  const status = useLibraryStatus();
  const folders = status.data?.folders ?? [];
  const toggle = (field: ListField) => (value: string) =>
    setFilters((f) => ({ ...f, [field]: toggleValue(f[field] as string[] | undefined, value) }));
  const options = (name: FacetName): FacetOption[] => facets?.[name] ?? [];
  const colourOptions = options('colour').map((o) => ({ ...o, swatch: SWATCH.get(o.value) }));
  const statusOptions = options('status').map((o) => ({ ...o, label: reviewStatusLabel(o.value) }));

  return (
    <aside className="sidebar" aria-label="Filters" data-testid="sidebar">
      <section className="facet-group" data-testid="facet-folder">
        <div className="section-header">
          <span className="section-title static">Folders</span>
          <AddFolderButton compact />
        </div>
        <FolderTree
          nodes={buildFolderTree(
            folders.map((f) => f.path),
            options('folder'),
          )}
          selected={filters.folders}
          onToggle={toggle('folders')}
          states={folderStateLabels(folders)}
        />
      </section>
      <CollectionsPanel selected={filters.collections} onToggle={toggle('collections')} />
      <SavedSearchesPanel filters={filters} onOpen={(query) => setFilters(() => query)} />
      <FacetGroup
        name="pattern"
        title="Pattern"
        options={options('pattern')}
        selected={filters.patterns}
        onToggle={toggle('patterns')}
      />
      <FacetGroup
        name="colour"
        title="Colour"
        layout="chips"
        options={colourOptions}
        selected={filters.colours}
        onToggle={toggle('colours')}
      >
        <ColourPicker
          value={filters.colourNear}
          onChange={(colourNear, live) => setFilters((f) => ({ ...f, colourNear }), { replace: live })}
        />
      </FacetGroup>
      <FacetGroup name="tag" title="Tags" options={options('tag')} selected={filters.tags} onToggle={toggle('tags')}>
        <TagRename />
      </FacetGroup>
      <FacetGroup
        name="format"
        title="Format"
        options={options('format')}
        selected={filters.formats}
        onToggle={toggle('formats')}
        initiallyOpen={false}
      />
      <FacetGroup
        name="orientation"
        title="Orientation"
        options={options('orientation')}
        selected={filters.orientations}
        onToggle={toggle('orientations')}
        initiallyOpen={false}
      />
      <FacetGroup
        name="status"
        title="Review status"
        options={statusOptions}
        selected={filters.statuses}
        onToggle={toggle('statuses')}
        initiallyOpen={false}
      />
    </aside>
  );
}
