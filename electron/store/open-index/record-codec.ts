import type { FileRecord } from '../library-store';
import type { AnalysisState } from '../analysis-state';
import { FIELDS } from '../answer-table';
import type { StoredAnswer } from '../stored-answer';
import { HeldInMemory, NONE, type IndexTables, type ReadTables } from './index-codec';
import type { SectionReader, SectionWriter } from './sections';
import { FacetDictionary } from '../facet-dictionary';

/** File records of images (those without an image are in library.json): columns, errors apart (few). */
export function writeFiles(out: SectionWriter, files: Iterable<FileRecord>, tables: IndexTables): void {
  const paths: number[] = [];
  const hashes: number[] = [];
  const sizes: number[] = [];
  const times: number[] = [];
  const errors: [number, string, number | null][] = [];
  for (const file of files) {
    if (file.hash === null) continue;
    if (file.error !== null) errors.push([paths.length, file.error, file.errorAt]);
    paths.push(tables.paths.code(file.path));
    hashes.push(tables.hashes.code(file.hash));
    sizes.push(file.fileSize);
    times.push(file.mtimeMs);
  }
  out.column('files.path', Uint32Array.from(paths));
  out.column('files.hash', Uint32Array.from(hashes));
  out.column('files.size', Float64Array.from(sizes));
  out.column('files.mtime', Float64Array.from(times));
  out.json('files.errors', errors);
}

export function readFiles(input: SectionReader, tables: ReadTables, put: (file: FileRecord) => void): void {
  const [paths, hashes] = [input.column('files.path', 'u32'), input.column('files.hash', 'u32')];
  const [sizes, times] = [input.column('files.size', 'f64'), input.column('files.mtime', 'f64')];
  const errors = new Map(input.json<[number, string, number | null][]>('files.errors').map(([i, ...e]) => [i, e]));
  for (let i = 0; i < paths.length; i++) {
    const [error, errorAt] = errors.get(i) ?? [null, null];
    const path = tables.paths[paths[i]];
    put({ path, hash: tables.hashes[hashes[i]], fileSize: sizes[i], mtimeMs: times[i], error, errorAt });
  }
}

/** Answer heads and places, oldest first per hash; model ids and prompt versions as codes (a handful). */
export function writeAnswers(out: SectionWriter, answers: Iterable<[string, StoredAnswer]>, tables: IndexTables): void {
  const names = new FacetDictionary();
  const [hashes, models, requested, prompts, escalated, files]: number[][] = [[], [], [], [], [], []];
  const [confidence, at, starts, ends, fields]: number[][] = [[], [], [], [], []];
  for (const [hash, stored] of answers) {
    const place = stored.place;
    if (place === null) throw new HeldInMemory('an answer is held in memory, not yet in its file');
    hashes.push(tables.hashes.code(hash));
    models.push(names.code(stored.modelId));
    requested.push(names.code(stored.requestedModelId));
    prompts.push(names.code(stored.promptVersion));
    escalated.push(stored.escalatedFrom === null ? NONE : names.code(stored.escalatedFrom));
    confidence.push(stored.confidence);
    at.push(stored.at);
    fields.push(...stored.fieldConfidence);
    files.push(tables.files.code(place.file));
    starts.push(place.start);
    ends.push(place.end);
  }
  const ids = { hash: hashes, model: models, requested, prompt: prompts, escalated, file: files };
  for (const [name, values] of Object.entries(ids)) out.column(`answers.${name}`, Uint32Array.from(values));
  const numbers = { confidence, at, start: starts, end: ends, fields };
  for (const [name, values] of Object.entries(numbers)) out.column(`answers.${name}`, Float64Array.from(values));
  out.json('answers.names', names.values);
}

export function readAnswers(
  input: SectionReader,
  tables: ReadTables,
  into: Pick<AnalysisState, 'reserve' | 'restore'>,
): void {
  const id = (name: string) => input.column(`answers.${name}`, 'u32');
  const number = (name: string) => input.column(`answers.${name}`, 'f64');
  const [hashes, models, requested, prompts, escalated, files] = [
    'hash',
    'model',
    'requested',
    'prompt',
    'escalated',
    'file',
  ].map(id);
  const [confidence, at, starts, ends, fields] = ['confidence', 'at', 'start', 'end', 'fields'].map(number);
  const names = input.json<string[]>('answers.names');
  into.reserve(hashes.length);
  for (let i = 0; i < hashes.length; i++) {
    const head = {
      modelId: names[models[i]],
      requestedModelId: names[requested[i]],
      promptVersion: names[prompts[i]],
      escalatedFrom: escalated[i] === NONE ? null : names[escalated[i]],
      confidence: confidence[i],
      at: at[i],
    };
    const span = { file: tables.files[files[i]], start: starts[i], end: ends[i] };
    into.restore(tables.hashes[hashes[i]], head, fields.subarray(i * FIELDS, (i + 1) * FIELDS), span);
  }
}
