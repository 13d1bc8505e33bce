/**
 * The layering as a lint rule (cf. VS Code's code-layering): each folder names the folders it may
 * import from, so the engine's folders form a DAG — transports → api → engine → services →
 * store, imaging, jobs → pixels, config → shared — and a wrong-way import fails CI.
 */
import path from 'node:path';

const SERVICES = ['electron/library', 'electron/analysis', 'electron/review', 'electron/ads', 'electron/search'];
const FOUNDATIONS = [
  'electron/store',
  'electron/imaging',
  'electron/jobs',
  'electron/pixels',
  'electron/config',
  'shared',
];

/** Folder → the folders it may import from (besides itself). */
export const LAYERS = {
  shared: [],
  'electron/config': ['shared'],
  'electron/pixels': ['shared'],
  'electron/jobs': ['shared'],
  'electron/imaging': ['electron/pixels', 'electron/config', 'shared'],
  'electron/store': ['electron/pixels', 'electron/config', 'shared'],
  /** The team library's database (PostgreSQL): its schema, change log and outbox. */
  'electron/team': ['electron/store', 'electron/config', 'shared'],
  'electron/library': FOUNDATIONS,
  'electron/analysis': FOUNDATIONS,
  'electron/review': ['electron/analysis', ...FOUNDATIONS],
  'electron/ads': ['electron/analysis', ...FOUNDATIONS],
  /** Search in words: a sentence as the structured query the facets use. */
  'electron/search': ['electron/analysis', ...FOUNDATIONS],
  'electron/engine': [...SERVICES, ...FOUNDATIONS, 'electron/team'],
  'electron/api': ['electron/engine', ...SERVICES, ...FOUNDATIONS],
  'electron/server': ['electron/api', 'electron/config', 'shared'],
  'electron/cli': ['electron/server', 'electron/api', 'electron/engine', 'electron/team', ...SERVICES, ...FOUNDATIONS],
  'electron/main': ['electron/api', 'electron/engine', 'electron/analysis', 'electron/config', 'shared'],
  'electron/preload': ['shared'],
  renderer: ['shared'],
};

const ROOT = path.dirname(new URL(import.meta.url).pathname);

/** The layer a file belongs to: `electron/<folder>`, `shared` or `renderer`; null outside them (tests, config). */
function layerOf(file) {
  const parts = path.relative(ROOT, file).split(path.sep);
  if (parts[0] === 'electron' && parts.length >= 2) return `electron/${parts[1].replace(/\.tsx?$/, '')}`;
  return parts[0] === 'shared' || parts[0] === 'renderer' ? parts[0] : null;
}

const rule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { wrongWay: '{{from}} may not import from {{to}} (see eslint-layers.js)' },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(context.filename), source));
      if (to && to !== from && !LAYERS[from].includes(to))
        context.report({ node, messageId: 'wrongWay', data: { from, to } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const layersPlugin = { rules: { imports: rule } };
