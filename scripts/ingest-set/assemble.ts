/**
 * `npm run ingest-set:assemble`: fills SWATCHBOOK_EVAL_DIR/ingest-set (else
 * ~/.cache/swatchbook-eval/ingest-set) with the real images test/ingest-set/images.tsv names, taken
 * from Debian packages whose licences test/ingest-set/packages.tsv records. Each file is checked
 * against its SHA-256, so a changed upstream file is reported rather than silently timed.
 */
import { assembleImages } from '../label-eval/assemble-images';
import { imagesDir, ingestSetDir, readManifest } from './ingest-set';

const dir = ingestSetDir();
const images = readManifest(dir);
const problems = await assembleImages(images, dir);
const megapixels = images.reduce((sum, img) => sum + img.width * img.height, 0);
console.log(
  `${images.length - problems.length} of ${images.length} real ingest images (${Math.round(megapixels / 1e6)} MP in all)` +
    ` in ${imagesDir(dir)}`,
);
if (problems.length > 0) process.exitCode = 1;
