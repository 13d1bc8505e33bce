import { FACET_NAMES, type FacetName } from '../../../shared/model';
import { AssetIndex, MULTI_FACETS, SINGLE_FACETS } from '../asset-index';
import { CodeLists, withRoomToGrow, type CodeList, type RowColumn } from '../columns';
import { FacetDictionary } from '../facet-dictionary';
import { SlotPaths } from '../slot-paths';
import { CONCEPT_WORDS } from '../search/search-words';
import type { Column, SectionReader, SectionWriter } from './sections';
import { vectorBytes, vectorsFromBytes } from './vector-rows';

/** A record memory holds that no shard file does yet: no index can be written until a snapshot has. */
export class HeldInMemory extends Error {}

/** A free slot's hash and file (no asset lives there). */
export const NONE = 0xffffffff;

const ROW_COLUMNS = ['palettes', 'vectors', 'swatches'] as const;
const SLOT_COLUMNS = [
  'addedAt',
  'colourfulness',
  'phashHi',
  'phashLo',
  'formatAsRead',
  'localPattern',
  'width',
  'height',
  'modelTextLength',
] as const;

/** The tables an index's strings are kept in once for the whole library (hashes, paths, shard files). */
export interface IndexTables {
  hashes: FacetDictionary;
  paths: FacetDictionary;
  files: FacetDictionary;
}

/**
 * Writes the index's columns as they are. Every asset must be in a shard file (a span): the open
 * index is written only when memory holds no record a file does not (see open-index.ts).
 */
export function writeIndex(out: SectionWriter, index: AssetIndex, tables: IndexTables): void {
  const n = index.slotCount;
  const hashIds = new Uint32Array(n).fill(NONE);
  const places = index.places;
  // The index's own codes for shard files, as the open index's file table numbers them.
  const fileIds = places.files.values.map((file) => tables.files.code(file));
  const spanFile = new Uint32Array(n).fill(NONE);
  const pathOffsets = new Uint32Array(n + 1);
  const pathIds: number[] = [];
  for (let slot = 0; slot < n; slot++) {
    const stored = index.assets[slot];
    pathOffsets[slot] = pathIds.length;
    if (stored === undefined) continue;
    if (stored !== null) throw new HeldInMemory('an asset is held in memory, not yet in its file');
    hashIds[slot] = tables.hashes.code(index.hashes[slot]);
    spanFile[slot] = fileIds[places.file[slot]];
    for (const path of index.paths.of(slot)) pathIds.push(tables.paths.code(path));
  }
  pathOffsets[n] = pathIds.length;
  out.column('index.hash', hashIds);
  out.column('index.spanFile', spanFile);
  out.column('index.spanStart', places.start.subarray(0, n));
  out.column('index.spanEnd', places.end.subarray(0, n));
  out.column('index.pathOffsets', pathOffsets);
  out.column('index.paths', Uint32Array.from(pathIds));
  for (const name of SLOT_COLUMNS) out.column(`index.${name}`, index[name].subarray(0, n));
  out.column('index.concepts', index.concepts.subarray(0, n * CONCEPT_WORDS));
  for (const facet of SINGLE_FACETS) out.column(`index.single.${facet}`, index.single[facet].subarray(0, n));
  writeCodeLists(out, index, n);
  for (const name of ROW_COLUMNS) writeRows(out, name, index[name], n);
  out.strings(
    'index.texts',
    index.texts.slice(0, n).map((text) => text ?? ''),
  );
  out.json('index.dictionaries', {
    ...Object.fromEntries(FACET_NAMES.map((facet) => [facet, index.dictionaries[facet].values])),
    colourNames: index.colourNames.values,
    formats: index.formats.values,
  });
  out.json('index.modelTexts', [...index.modelTexts]);
}

/**
 * The index's numeric columns, before anything else is read: allocated while the heap is still
 * small, the collections their ~150 MB prompts are cheap (after the objects, they cost ~0.5 s).
 */
export function readIndexColumns(input: SectionReader, index: AssetIndex): void {
  const n = input.columnLength('index.hash', 'u32');
  const capacity = n + Math.max(1024, Math.ceil(n / 8));
  for (const name of SLOT_COLUMNS)
    Object.assign(index, { [name]: input.column(`index.${name}`, kindOf(index[name]), capacity) });
  index.concepts = input.column('index.concepts', 'u32', capacity * CONCEPT_WORDS);
  for (const facet of SINGLE_FACETS) index.single[facet] = input.column(`index.single.${facet}`, 'u16', capacity);
  for (const name of ROW_COLUMNS) readRows(input, name, index[name], capacity);
  index.places.file = input.column('index.spanFile', 'u32', capacity);
  index.places.start = input.column('index.spanStart', 'u32', capacity);
  index.places.end = input.column('index.spanEnd', 'u32', capacity);
}

/** Fills `index` (its folders set and readIndexColumns done, nothing else) with the rest `writeIndex` wrote. */
export function readIndex(input: SectionReader, index: AssetIndex, tables: ReadTables): void {
  const hashIds = input.column('index.hash', 'u32');
  const n = hashIds.length;
  const [pathOffsets, pathIds] = [input.column('index.pathOffsets', 'u32'), input.column('index.paths', 'u32')];
  const texts = input.strings('index.texts');
  const slotsByHash = new Map<string, number>();
  const freeSlots: number[] = [];
  const hashes: string[] = new Array(n);
  const assets: (null | undefined)[] = new Array(n);
  const paths = new SlotPaths(n);
  for (let slot = 0; slot < n; slot++) {
    const ids = pathIds.subarray(pathOffsets[slot], pathOffsets[slot + 1]);
    if (ids.length === 1) paths.setOne(slot, tables.paths[ids[0]]);
    else
      paths.set(
        slot,
        Array.from(ids, (id) => tables.paths[id]),
      );
    if (hashIds[slot] === NONE) {
      freeSlots.push(slot);
      continue;
    }
    hashes[slot] = tables.hashes[hashIds[slot]];
    slotsByHash.set(hashes[slot], slot);
    // In its file: its place is in index.places (read with the columns), by the open index's file table.
    assets[slot] = null;
  }
  Object.assign(index, {
    assets: withRoomToGrow(assets),
    hashes: withRoomToGrow(hashes),
    texts: withRoomToGrow(texts),
    // Name sort keys are not kept: worked out when sorting by name first needs them.
    names: withRoomToGrow(new Array<string | undefined>(n)),
    paths,
    slotsByHash,
    freeSlots,
  });
  for (const file of tables.files) index.places.files.code(file);
  readCodeLists(input, index);
  readDictionaries(input, index);
  for (const [hash, text] of input.json<[string, string][]>('index.modelTexts')) index.modelTexts.set(hash, text);
}

/** The string tables as read: an id is a position. */
export interface ReadTables {
  hashes: readonly string[];
  paths: readonly string[];
  files: readonly string[];
}

/** A free slot's lists: one list, not a new one per slot. */
const NO_CODES: CodeList = [];

/** Each distinct list once (most slots share a handful), then per facet and slot which list it has. */
function writeCodeLists(out: SectionWriter, index: AssetIndex, n: number): void {
  const ids = new Map<CodeList, number>();
  const idOf = (list: CodeList) => {
    let id = ids.get(list);
    if (id === undefined) ids.set(list, (id = ids.size));
    return id;
  };
  for (const facet of MULTI_FACETS) {
    const column = new Uint32Array(n);
    for (let slot = 0; slot < n; slot++)
      column[slot] = idOf(index.assets[slot] === undefined ? NO_CODES : index.multi[facet][slot]);
    out.column(`index.multi.${facet}`, column);
  }
  out.json('index.codeLists', [...ids.keys()]);
}

function readCodeLists(input: SectionReader, index: AssetIndex): void {
  const codeLists = new CodeLists();
  const lists = input.json<number[][]>('index.codeLists').map((codes) => codeLists.of(codes));
  for (const facet of MULTI_FACETS) {
    const ids = input.column(`index.multi.${facet}`, 'u32');
    const column = new Array<CodeList>(ids.length);
    for (let slot = 0; slot < ids.length; slot++) column[slot] = lists[ids[slot]];
    index.multi[facet] = withRoomToGrow(column);
  }
  Object.assign(index, { codeLists });
}

function writeRows(out: SectionWriter, name: string, rows: RowColumn<Float32Array | Uint32Array>, n: number): void {
  out.column(`index.${name}.lengths`, rows.lengths.subarray(0, n));
  out.json(`index.${name}.width`, rows.width);
  // Vectors on the analyzer's byte grid go as their bytes and scales: a quarter of their float32 values.
  const onGrid = name === 'vectors' && vectorBytes(rows as RowColumn<Float32Array>, n);
  if (onGrid) for (const [part, column] of Object.entries(onGrid)) out.column(`index.${name}.${part}`, column);
  else out.column(`index.${name}.data`, rows.data.subarray(0, n * rows.width));
}

function readRows(
  input: SectionReader,
  name: string,
  rows: RowColumn<Float32Array | Uint32Array>,
  capacity: number,
): void {
  rows.width = input.json<number>(`index.${name}.width`);
  rows.lengths = input.column(`index.${name}.lengths`, 'u16', capacity);
  if (input.has(`index.${name}.bytes`)) {
    const [bytes, scales] = [input.column(`index.${name}.bytes`, 'u8'), input.column(`index.${name}.scales`, 'f64')];
    rows.data = vectorsFromBytes({ bytes, scales }, rows.width, capacity);
    return;
  }
  rows.data = input.column(
    `index.${name}.data`,
    rows.data instanceof Float32Array ? 'f32' : 'u32',
    capacity * rows.width,
  );
}

/** Codes are positions: coding the values in order gives each its code again. */
function readDictionaries(input: SectionReader, index: AssetIndex): void {
  const values = input.json<Record<FacetName | 'colourNames' | 'formats', string[]>>('index.dictionaries');
  const dictionary = (list: string[]) => {
    const made = new FacetDictionary();
    for (const value of list) made.code(value);
    return made;
  };
  const dictionaries = Object.fromEntries(FACET_NAMES.map((facet) => [facet, dictionary(values[facet])]));
  Object.assign(index, {
    dictionaries,
    colourNames: dictionary(values.colourNames),
    formats: dictionary(values.formats),
  });
}

function kindOf(column: Column): 'f64' | 'f32' | 'u32' | 'u16' | 'u8' {
  if (column instanceof Float64Array) return 'f64';
  if (column instanceof Uint8Array) return 'u8';
  if (column instanceof Float32Array) return 'f32';
  return column instanceof Uint32Array ? 'u32' : 'u16';
}
