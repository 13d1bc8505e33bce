/**
 * One member of the team bench, in its own process: opens its copy of the team library, waits until
 * the whole queue has arrived, says `ready`, and on `go` (stdin) reviews the queue as fast as it can:
 * the first pending item nobody else holds is held and accepted. Prints one JSON line: { decided }.
 *   team-reviewer <dataDir> <teamUrl> <reviewer> <items>
 */
import readline from 'node:readline';
import { Engine } from '../../electron/engine';
import { reviewTeamQueue } from './team-queue';

const [dataDir, url, reviewer, items] = process.argv.slice(2);
const engine = await Engine.open({ dataDir, teamDb: { url, source: 'flag' }, teamAuthor: reviewer });
while (engine.review.queue({ state: 'pending', limit: 1 }).total < Number(items))
  await new Promise((resolve) => setTimeout(resolve, 50));
process.stderr.write(`  ${reviewer}: ${items} items in the queue on this copy\n`);
console.log('ready');
await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once('line', () => resolve()));
const decided = await reviewTeamQueue(engine, reviewer);
await engine.close();
console.log(JSON.stringify({ decided: decided.length }));
process.exit(0);
