/** Builds (or finds cached) the scale bench's library and the photos it ingests; prints one JSON line: { dataDir, photosDir }. */
import { ensureScalePhotos } from './scale-ingest';
import { ensureScaleLibrary } from './scale-library';

/** Photos ingested into the library at scale while the event loop is timed. */
const INGESTED = 200;

const [root, countArg] = process.argv.slice(2);
const dataDir = await ensureScaleLibrary(root, Number(countArg), (line) => process.stderr.write(line + '\n'));
const photosDir = await ensureScalePhotos(root, INGESTED);
console.log(JSON.stringify({ dataDir, photosDir }));
