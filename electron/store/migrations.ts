import { CorruptLibraryError, NewerSchemaError } from './errors';
import { SCHEMA_VERSION, type LibraryDocument } from './document';

type RawDocument = Record<string, unknown>;

interface Migration {
  from: number;
  to: number;
  migrate(doc: RawDocument): RawDocument;
}

/** Every schema change, oldest first; each step only needs to understand its own `from`. */
const MIGRATIONS: readonly Migration[] = [
  {
    // v0 (pre-release) kept no ingest queue, no journal sequence and no per-file error time.
    from: 0,
    to: 1,
    migrate: (doc) => ({
      ...doc,
      schemaVersion: 1,
      seq: 0,
      jobs: [],
      files: asArray(doc.files).map((f) => ({ error: null, errorAt: null, ...(f as object) })),
    }),
  },
  {
    // v2 added collections (boards) and saved searches.
    from: 1,
    to: 2,
    migrate: (doc) => ({ ...doc, schemaVersion: 2, collections: [], savedSearches: [] }),
  },
  {
    // v3 added model analyses, their job queue, the invocation log and AI settings.
    from: 2,
    to: 3,
    migrate: (doc) => ({
      ...doc,
      schemaVersion: 3,
      aiSettings: null,
      modelAnalyses: [],
      analysisJobs: [],
      invocations: [],
    }),
  },
  {
    // v4 added the append-only log of review decisions.
    from: 3,
    to: 4,
    migrate: (doc) => ({ ...doc, schemaVersion: 4, reviewDecisions: [] }),
  },
  {
    // v5 added ad campaigns and their variants.
    from: 4,
    to: 5,
    migrate: (doc) => ({ ...doc, schemaVersion: 5, campaigns: [], adVariants: [] }),
  },
  {
    // v6 added the append-only log of people's corrections of local labels.
    from: 5,
    to: 6,
    migrate: (doc) => ({ ...doc, schemaVersion: 6, labelCorrections: [] }),
  },
  {
    // v7 keeps each image's records in shard files under records/; the document is unchanged,
    // and the first snapshot after this step writes the new layout (library.json.v6.bak stays).
    from: 6,
    to: 7,
    migrate: (doc) => ({ ...doc, schemaVersion: 7 }),
  },
  {
    // v8 shard lines leave out fields at their defaults and write vectors on the analyzer's grid
    // as 16-bit integers (packed-asset.ts); v7 lines read as they are and are rewritten as their
    // shards next change. The step marks the library so an older Swatchbook refuses it.
    from: 7,
    to: 8,
    migrate: (doc) => ({ ...doc, schemaVersion: 8 }),
  },
  {
    // v9 shard lines leave out what a reader works out: a palette colour's OKLab when it is its hex's and
    // the local analysis's source (packed-asset.ts), and an answer's requested model when it answered
    // itself, a null escalation and the first answer schema (packed-answer.ts).
    // v8 lines read as they are; the step marks the library so an older Swatchbook refuses it.
    from: 8,
    to: 9,
    migrate: (doc) => ({ ...doc, schemaVersion: 9 }),
  },
];

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Brings a parsed library.json up to SCHEMA_VERSION, refusing newer or malformed documents. */
export function migrateDocument(raw: unknown, file: string): { doc: LibraryDocument; migratedFrom: number | null } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CorruptLibraryError(file, 'it does not hold a library document');
  }
  let doc = raw as RawDocument;
  const found = doc.schemaVersion ?? 0;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 0) {
    throw new CorruptLibraryError(file, `its schema version ${JSON.stringify(found)} is not valid`);
  }
  if (found > SCHEMA_VERSION) throw new NewerSchemaError(file, found, SCHEMA_VERSION);
  for (let version = found; version < SCHEMA_VERSION;) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new CorruptLibraryError(file, `no migration from schema version ${version}`);
    doc = step.migrate(doc);
    version = step.to;
  }
  checkShape(doc, file);
  return { doc: doc as unknown as LibraryDocument, migratedFrom: found === SCHEMA_VERSION ? null : found };
}

/** A cheap structural check; validating 100,000 assets with zod on every open would be too slow. */
function checkShape(doc: RawDocument, file: string): void {
  for (const key of [
    'folders',
    'files',
    'assets',
    'jobs',
    'collections',
    'savedSearches',
    'modelAnalyses',
    'analysisJobs',
    'invocations',
    'reviewDecisions',
    'campaigns',
    'adVariants',
    'labelCorrections',
  ] as const) {
    if (!Array.isArray(doc[key])) throw new CorruptLibraryError(file, `"${key}" is missing or not a list`);
  }
  if (typeof doc.seq !== 'number') throw new CorruptLibraryError(file, '"seq" is missing');
}
