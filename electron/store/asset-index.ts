import { FACET_NAMES, type Asset, type AssetSummary, type FacetName, type LocalLabels } from '../../shared/model';
import type { PatternLabel } from '../../shared/vocabulary/pattern-labels';
import { MAX_PALETTE_COLOURS, VECTOR_LENGTH } from '../pixels';
import { CodeLists, grow, RowColumn, type CodeList } from './columns';
import type { StandingCorrections } from './correction-state';
import { effectiveLabels } from './effective-labels';
import { FacetDictionary } from './facet-dictionary';
import { NameOrder } from './name-order';
import { baseName, isUnder } from './paths';
import { addConcepts, CONCEPT_WORDS } from './search/search-words';
import { readSpan, type RecordSpan, type WrittenRecord } from './record-spans';
import { RecordPlaces } from './record-places';
import { SlotPaths } from './slot-paths';
import { roundPaletteNumber, withAssetDefaults, type PackedAsset } from './packed-asset';
import { foldersBetween, naturalKey, orientationOf, ownText, splitPhash } from './index-values';

const INITIAL_CAPACITY = 1024;

export const SINGLE_FACETS = ['format', 'orientation', 'status'] as const;
/** Pattern is multi-valued: an asset counts under every label that applies (a person's, else the local analyzer's). */
export const MULTI_FACETS = ['pattern', 'colour', 'folder', 'tag'] as const;
export type SingleFacet = (typeof SINGLE_FACETS)[number];
export type MultiFacet = (typeof MULTI_FACETS)[number];

/**
 * The in-memory asset table. Assets live in dense slots, and everything a query scans
 * (facet codes, sort keys, search text, palettes, vectors, phashes) is kept in columns by
 * slot: a scan of 100,000 assets then walks arrays instead of chasing object graphs.
 * Freed slots are reused; `assets[slot]` is undefined for a free slot. Fields are public for the
 * open index (open-index/index-codec.ts), which saves them and restores them as they were.
 */
export class AssetIndex {
  /**
   * Per slot, the record while memory holds it, null once a snapshot has written it (then read back
   * from its place in `places` when asked for), undefined for a free slot.
   */
  readonly assets: (Asset | null | undefined)[] = [];
  readonly places = new RecordPlaces();
  readonly dictionaries = Object.fromEntries(FACET_NAMES.map((f) => [f, new FacetDictionary()])) as Record<
    FacetName,
    FacetDictionary
  >;
  readonly single = Object.fromEntries(SINGLE_FACETS.map((f) => [f, new Uint16Array(INITIAL_CAPACITY)])) as Record<
    SingleFacet,
    Uint16Array
  >;
  readonly multi = Object.fromEntries(MULTI_FACETS.map((f) => [f, [] as CodeList[]])) as Record<MultiFacet, CodeList[]>;
  /** Assets share one list per distinct set of codes (most share a folder, a label, a few colours). */
  readonly codeLists = new CodeLists();
  addedAt = new Float64Array(INITIAL_CAPACITY);
  colourfulness = new Float64Array(INITIAL_CAPACITY);
  phashHi = new Uint32Array(INITIAL_CAPACITY);
  phashLo = new Uint32Array(INITIAL_CAPACITY);
  /** Per colour: OKLab L, a, b and share (float32: the store keeps them to four decimals). */
  readonly palettes = new RowColumn((n) => new Float32Array(n), MAX_PALETTE_COLOURS * 4);
  readonly vectors = new RowColumn((n) => new Float32Array(n), VECTOR_LENGTH);
  /** Per colour: its sRGB as a number and its name's code in `colourNames`, for grid cells. */
  readonly swatches = new RowColumn((n) => new Uint32Array(n), MAX_PALETTE_COLOURS * 2);
  readonly colourNames = new FacetDictionary();
  /** The format as the file's metadata names it, and the local analyzer's own pattern label, as codes. */
  readonly formats = new FacetDictionary();
  formatAsRead = new Uint16Array(INITIAL_CAPACITY);
  localPattern = new Uint16Array(INITIAL_CAPACITY);
  width = new Uint32Array(INITIAL_CAPACITY);
  height = new Uint32Array(INITIAL_CAPACITY);
  /** Per slot, the asset's hash (the strings slotsByHash holds). */
  readonly hashes: string[] = [];
  /** Lowercased file paths, tags, pattern labels, meaningful colour names, format and model words, by line. */
  readonly texts: string[] = [];
  /** Per slot, CONCEPT_WORDS words of pattern and colour concepts found in its text (see search-words.ts). */
  concepts = new Uint32Array(INITIAL_CAPACITY * CONCEPT_WORDS);
  readonly paths = new SlotPaths();
  /** Per slot, its name's sort key, worked out when sorting by name first needs it (then kept). */
  readonly names: (string | undefined)[] = [];
  readonly nameOrder = new NameOrder((slot) => this.nameOf(slot));
  /** Per slot, how many characters at the start of its text are words from model answers. */
  modelTextLength = new Uint32Array(INITIAL_CAPACITY);
  /**
   * Words from model answers for hashes with no asset indexed (answers outlive and precede
   * assets); an indexed asset's are the start of its text, not a second copy (~75 MB at 250,000).
   */
  readonly modelTexts = new Map<string, string>();
  /** People's corrections of local labels, by hash: kept apart so re-analysis (a new asset record) keeps them. */
  readonly corrections = new Map<string, StandingCorrections>();
  readonly slotsByHash = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  folders = new Set<string>();
  /** Goes up when an asset comes, goes or changes paths: what was worked out from paths before is stale. */
  pathsVersion = 0;

  get size(): number {
    return this.slotsByHash.size;
  }

  /** One past the highest slot ever used: scans run over 0..slotCount-1. */
  get slotCount(): number {
    return this.assets.length;
  }

  has(hash: string): boolean {
    return this.slotsByHash.has(hash);
  }

  /** The asset's file paths, as indexed (not to be changed: a list of several is the index's own). */
  pathsOf(hash: string): readonly string[] | undefined {
    const slot = this.slotsByHash.get(hash);
    return slot === undefined ? undefined : this.paths.of(slot);
  }

  slotOf(hash: string): number | undefined {
    return this.slotsByHash.get(hash);
  }

  get(hash: string): Asset | undefined {
    const slot = this.slotsByHash.get(hash);
    return slot === undefined ? undefined : this.whole(slot);
  }

  /** Every asset in slot order (each read from its file): for writing a whole document, not for views. */
  list(): Asset[] {
    const assets: Asset[] = [];
    for (let slot = 0; slot < this.assets.length; slot++) {
      if (this.assets[slot] !== undefined) assets.push(this.whole(slot));
    }
    return assets;
  }

  /** The records not yet in a shard file. */
  *heldInMemory(): IterableIterator<Asset> {
    for (const stored of this.assets) if (stored) yield stored;
  }

  /** Hashes of the assets carrying `tag`, from the tag column (no record is read). */
  hashesTagged(tag: string): string[] {
    const code = this.dictionaries.tag.find(tag);
    if (code === undefined) return [];
    return [...this.slotsByHash].filter(([, slot]) => this.multi.tag[slot].includes(code)).map(([hash]) => hash);
  }

  /** The record with its vector as search compares it (float32, the precision it is stored in). */
  private whole(slot: number): Asset {
    const asset = this.record(slot);
    return this.vectors.lengths[slot] === 0 ? asset : { ...asset, vector: Array.from(this.vectors.row(slot)) };
  }

  /** The record, from memory or its file; a packed vector is left as it is (a grid cell has no use for it). */
  private record(slot: number): Asset {
    return this.assets[slot] ?? withAssetDefaults(readSpan(this.places.get(slot)) as PackedAsset);
  }

  /** A snapshot wrote these records: each asset is read back from its file from now on, unless it changed since. */
  written(records: readonly WrittenRecord<object>[]): void {
    for (const { hash, source, span } of records) {
      const slot = this.slotsByHash.get(hash);
      const held = slot === undefined ? undefined : this.assets[slot];
      if (held === null || (held !== undefined && held === source)) this.place(slot!, span);
    }
  }

  /** Whether `path` is one of the library folders (not merely inside one). */
  isFolder(path: string): boolean {
    return this.folders.has(path);
  }

  liveSlots(): number[] {
    return [...this.slotsByHash.values()];
  }

  /** Adds or re-indexes an asset; call after every change to it. `span`: where a file holds it as it is. */
  upsert(asset: Asset, span?: RecordSpan): void {
    const known = this.slotsByHash.get(asset.hash);
    const slot = known ?? this.freeSlots.pop() ?? this.assets.length;
    this.ensureCapacity(slot + 1);
    // Kept as it is until written (a snapshot tells its place by this very record, see written).
    if (span) this.place(slot, span);
    else this.assets[slot] = asset;
    const modelText = known === undefined ? this.takeModelText(asset.hash) : this.modelTextAt(slot);
    this.slotsByHash.set(asset.hash, slot);
    this.hashes[slot] = asset.hash;
    this.fill(slot, asset, known !== undefined, modelText);
  }

  private place(slot: number, span: RecordSpan): void {
    this.assets[slot] = null;
    this.places.set(slot, span);
  }

  private fill(slot: number, asset: Asset, known: boolean, modelText: string): void {
    if (known && this.nameOrder.built) this.nameOrder.remove(slot, this.nameOf(slot));
    this.fillColumns(slot, asset, modelText);
    if (this.nameOrder.built) this.nameOrder.insert(slot, this.nameOf(slot));
  }

  private nameOf(slot: number): string {
    return (this.names[slot] ??= naturalKey(baseName(this.paths.first(slot) ?? '')));
  }

  private takeModelText(hash: string): string {
    const text = this.modelTexts.get(hash) ?? '';
    this.modelTexts.delete(hash);
    return text;
  }

  private modelTextAt(slot: number): string {
    return this.texts[slot].slice(0, this.modelTextLength[slot]);
  }

  remove(hash: string): void {
    const slot = this.slotsByHash.get(hash);
    if (slot === undefined) return;
    if (this.nameOrder.built) this.nameOrder.remove(slot, this.nameOf(slot));
    this.slotsByHash.delete(hash);
    this.assets[slot] = undefined;
    this.pathsVersion++;
    // The answers stay: should the same bytes come back, so do their words.
    const modelText = this.modelTextAt(slot);
    if (modelText) this.modelTexts.set(hash, modelText);
    this.texts[slot] = '';
    this.modelTextLength[slot] = 0;
    this.paths.set(slot, []);
    this.freeSlots.push(slot);
  }

  /** Makes a model's words searchable for this hash, now or whenever the asset is indexed. */
  setModelText(hash: string, text: string): void {
    const slot = this.slotsByHash.get(hash);
    if (slot === undefined) {
      this.modelTexts.set(hash, text);
      return;
    }
    // The rest of the text is the asset's own words as indexed: only the model's part changes (no record read).
    this.setText(slot, text, this.texts[slot].slice(this.modelTextLength[slot] + 1));
  }

  /** People's corrections of the local labels for this hash, now or whenever the asset is indexed. */
  setCorrections(hash: string, standing: StandingCorrections): void {
    this.corrections.set(hash, standing);
    const slot = this.slotsByHash.get(hash);
    if (slot !== undefined) this.fill(slot, this.whole(slot), true, this.modelTextAt(slot));
  }

  /**
   * A grid cell's summary, from the columns (no record is read: a page of 100 stays well under a
   * millisecond), with the pattern label that counts (a person's over the local analyzer's).
   */
  summary(slot: number, distance?: number): AssetSummary {
    const d = this.dictionaries;
    const path = this.paths.first(slot) ?? '';
    const summary: AssetSummary = {
      hash: this.hashes[slot],
      path,
      name: baseName(path),
      width: this.width[slot],
      height: this.height[slot],
      format: this.formats.values[this.formatAsRead[slot]],
      pattern: d.pattern.values[this.multi.pattern[slot][0] ?? this.localPattern[slot]] as PatternLabel,
      palette: this.paletteOf(slot),
      status: d.status.values[this.single.status[slot]] as AssetSummary['status'],
      tags: this.multi.tag[slot].map((code) => d.tag.values[code]),
      addedAt: this.addedAt[slot],
    };
    if (distance !== undefined) summary.distance = distance;
    return summary;
  }

  /** Shares as the store keeps them (roundPaletteNumber), not as float32 widened them. */
  private paletteOf(slot: number): AssetSummary['palette'] {
    const colours = this.swatches.row(slot);
    const shares = this.palettes.row(slot);
    const palette: AssetSummary['palette'] = [];
    for (let i = 0; i < colours.length; i += 2) {
      palette.push({
        hex: `#${colours[i].toString(16).padStart(6, '0')}`,
        name: this.colourNames.values[colours[i + 1]],
        share: roundPaletteNumber(shares[i * 2 + 3]),
      });
    }
    return palette;
  }

  /**
   * The library folders changed: recompute the folder facet values of the assets inside a
   * folder that came or went. Only those: adding a folder to a library of a million images
   * recomputed every one and held the event loop for ~2 s.
   */
  setFolders(folders: readonly string[]): void {
    const next = new Set(folders);
    const changed = [...symmetricDifference(this.folders, next)];
    this.folders = next;
    if (changed.length === 0) return;
    const inChanged = (path: string) => {
      for (const folder of changed) if (isUnder(path, folder)) return true;
      return false;
    };
    for (const slot of this.slotsByHash.values()) {
      if (!this.paths.some(slot, inChanged)) continue;
      this.multi.folder[slot] = this.codeLists.of(this.folderCodes(this.paths.of(slot)));
    }
  }

  private fillColumns(slot: number, asset: Asset, modelText: string): void {
    const d = this.dictionaries;
    const { metadata, analysis } = asset;
    const labels = this.labelsOf(asset);
    this.multi.pattern[slot] = this.codeLists.of(labels.patterns.map((label) => d.pattern.code(label)));
    this.single.format[slot] = d.format.code(metadata.format.toLowerCase());
    this.formatAsRead[slot] = this.formats.code(metadata.format);
    this.localPattern[slot] = d.pattern.code(analysis.pattern.label);
    this.width[slot] = metadata.width;
    this.height[slot] = metadata.height;
    this.swatches.set(
      slot,
      analysis.palette.flatMap((c) => [Number.parseInt(c.hex.slice(1), 16), this.colourNames.code(c.name)]),
    );
    this.single.orientation[slot] = d.orientation.code(orientationOf(metadata.width, metadata.height));
    this.single.status[slot] = d.status.code(asset.status);
    this.multi.colour[slot] = this.codeLists.of(labels.colours.map((name) => d.colour.code(name)));
    this.multi.tag[slot] = this.codeLists.of(unique(asset.tags).map((tag) => d.tag.code(tag)));
    const paths = asset.locations.map((l) => l.path);
    if (!this.paths.holds(slot, paths)) this.pathsVersion++;
    this.paths.set(slot, paths);
    this.multi.folder[slot] = this.codeLists.of(this.folderCodes(paths));
    this.addedAt[slot] = asset.addedAt;
    this.colourfulness[slot] = analysis.colourfulness;
    [this.phashHi[slot], this.phashLo[slot]] = splitPhash(asset.phash);
    this.palettes.set(
      slot,
      analysis.palette.flatMap((c) => [...c.lab, c.share]),
    );
    this.vectors.set(slot, asset.vector);
    this.setText(slot, modelText, ownText(asset, labels));
    this.names[slot] = undefined;
  }

  private labelsOf(asset: Asset): LocalLabels {
    return effectiveLabels(asset.analysis, this.corrections.get(asset.hash) ?? {});
  }

  /** Model words (already lowercase) first, then the asset's own: one line of text per slot. */
  private setText(slot: number, modelText: string, own: string): void {
    const text = `${modelText}\n${own}`;
    this.texts[slot] = text;
    this.modelTextLength[slot] = modelText.length;
    const offset = slot * CONCEPT_WORDS;
    this.concepts.fill(0, offset, offset + CONCEPT_WORDS);
    addConcepts(text, this.concepts, offset);
  }

  /**
   * Every folder an asset is in, from each library folder containing it down to the file's own
   * folder, so a sub-folder is a facet value whose count includes its sub-folders, as a root's does.
   */
  private folderCodes(paths: readonly string[]): number[] {
    const folders = new Set<string>();
    for (const root of this.folders) {
      for (const path of paths) if (isUnder(path, root)) foldersBetween(root, path).forEach((f) => folders.add(f));
    }
    return [...folders].map((folder) => this.dictionaries.folder.code(folder));
  }

  /**
   * Room for `count` assets at once and an eighth more: loading a large library then copies no
   * column while it grows, and neither does the first image ingested after it opens.
   */
  reserve(assets: number): void {
    const count = assets + Math.max(INITIAL_CAPACITY, Math.ceil(assets / 8));
    this.ensureCapacity(count);
    this.palettes.reserve(count);
    this.swatches.reserve(count);
    this.vectors.reserve(count);
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.addedAt.length) return;
    const capacity = Math.max(needed, this.addedAt.length * 2);
    for (const facet of SINGLE_FACETS) this.single[facet] = grow(this.single[facet], capacity);
    this.addedAt = grow(this.addedAt, capacity);
    this.colourfulness = grow(this.colourfulness, capacity);
    this.phashHi = grow(this.phashHi, capacity);
    this.phashLo = grow(this.phashLo, capacity);
    this.modelTextLength = grow(this.modelTextLength, capacity);
    this.formatAsRead = grow(this.formatAsRead, capacity);
    this.localPattern = grow(this.localPattern, capacity);
    this.width = grow(this.width, capacity);
    this.height = grow(this.height, capacity);
    this.concepts = grow(this.concepts, capacity * CONCEPT_WORDS);
    this.places.reserve(capacity);
  }
}

function symmetricDifference<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  const difference = new Set<T>();
  for (const value of a) if (!b.has(value)) difference.add(value);
  for (const value of b) if (!a.has(value)) difference.add(value);
  return difference;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
