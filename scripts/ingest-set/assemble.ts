/**
 * `npm run ingest-set:assemble`: fills SWATCHBOOK_EVAL_DIR/ingest-set (else
 * ~/.cache/swatchbook-eval/ingest-set) with the real images test/ingest-set/images.tsv names, taken
 * from Debian packages whose licences test/ingest-set/packages.tsv records. Each file is checked
 * against its SHA-256, so a changed upstream file is reported rather than silently timed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { imagesDir, ingestSetDir, readManifest, type IngestSetImage } from './ingest-set';
import { readMember, unpackedPackage } from '../label-eval/package-files';

function assembleOne(img: IngestSetImage, cache: string): string | null {
  if (existsSync(img.file)) return null;
  const bytes = readMember(unpackedPackage(cache, img.package), img.member);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== img.sha256)
    return `${img.package} ${img.member}: the file changed upstream (SHA-256 ${sha.slice(0, 12)}…)`;
  const partial = `${img.file}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, img.file);
  return null;
}

const dir = ingestSetDir();
const images = readManifest(dir);
mkdirSync(imagesDir(dir), { recursive: true });
const problems: string[] = [];
for (const [i, img] of images.entries()) {
  try {
    const problem = assembleOne(img, dir);
    if (problem) problems.push(problem);
  } catch (err) {
    problems.push(`${img.package} ${img.member}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if ((i + 1) % 50 === 0 || i + 1 === images.length) process.stderr.write(`\r${i + 1}/${images.length} images`);
}
process.stderr.write('\n');
for (const p of problems) console.error(p);
const megapixels = images.reduce((sum, img) => sum + img.width * img.height, 0);
console.log(
  `${images.length - problems.length} of ${images.length} real ingest images (${Math.round(megapixels / 1e6)} MP in all)` +
    ` in ${imagesDir(dir)}`,
);
if (problems.length > 0) process.exitCode = 1;
