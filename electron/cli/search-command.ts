/**
 * `npm run search -- "<sentence>" [--json] [--limit N] [--data-dir DIR] [--team-db URL]`: the library
 * searched in words, for scripts and tests. Prints how the sentence was understood (and the words it
 * did not understand), then the hits; `--json` prints
 * `{ "query": {…}, "interpretation": {…}, "total": N, "parts": P, "results": [{ "path", "hash", "matched", "score" }] }`:
 * images matching any part, ranked by how many of the P parts they `matched`, then by `score` (the colours named).
 * Exit codes: 0 searched (even with no hits), 2 bad arguments, 3 the library cannot be opened.
 */
import path from 'node:path';
import { Command } from 'commander';
import type { QueryPart } from '../../shared/model/natural-search';
import { defaultDataDir } from '../config/data-dir';
import { searchBySentence } from '../search';
import { openForReadingOrSay } from './open-for-reading';
import { teamDbOption } from './team-option';

interface SearchOptions {
  json?: boolean;
  limit: string;
  dataDir?: string;
  teamDb?: string;
}

async function runSearch(sentence: string, options: SearchOptions): Promise<number> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    console.error('swatchbook: --limit takes a whole number from 1 to 1000');
    return 2;
  }
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  const opened = await openForReadingOrSay(dataDir, options.teamDb);
  if (!opened) return 3;
  const { store, close } = opened;
  try {
    const found = searchBySentence(store, sentence, limit);
    const results = found.hits.map(({ asset, matched, score }) => ({
      path: asset.path,
      hash: asset.hash,
      matched,
      score,
    }));
    if (options.json) {
      const { interpretation, query, total, parts } = found;
      console.log(JSON.stringify({ query, interpretation, total, parts, results }, null, 2));
      return 0;
    }
    console.log(`Understood: ${found.interpretation.parts.map(partText).join(' · ') || 'nothing to filter by'}`);
    if (found.interpretation.ignored.length > 0)
      console.log(`Not understood, not searched for: ${found.interpretation.ignored.join(', ')}`);
    console.log(
      `${found.total} image(s) match a part${found.total > results.length ? `; the best ${results.length}` : ''}:`,
    );
    for (const result of results)
      console.log(`  ${result.matched} of ${found.parts}  ${result.score.toFixed(2)}  ${result.path}`);
    return 0;
  } finally {
    await close();
  }
}

function partText(part: QueryPart): string {
  return `${part.negated ? 'not ' : ''}${part.kind} ${part.value}`;
}

const program = new Command()
  .name('swatchbook-search')
  .description('Search the library in words ("red polka dots on cream, no stripes") and print the hits.')
  .argument('<sentence>', 'what to look for, in words')
  .option('--json', 'print the interpretation and results as JSON')
  .option('--limit <n>', 'how many hits to print', '20')
  .option('--data-dir <dir>', 'library data folder (default: SWATCHBOOK_DATA_DIR or the app data folder)')
  .addOption(teamDbOption())
  .action(async (sentence: string, options: SearchOptions) => {
    process.exitCode = await runSearch(sentence, options);
  });

await program.parseAsync(process.argv);
