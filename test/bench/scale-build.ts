/** Builds (or finds cached) the scale bench's library; prints one JSON line: { dataDir }. */
import { ensureScaleLibrary } from './scale-library';

const [root, countArg] = process.argv.slice(2);
const dataDir = await ensureScaleLibrary(root, Number(countArg), (line) => process.stderr.write(line + '\n'));
console.log(JSON.stringify({ dataDir }));
