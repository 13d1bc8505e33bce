/**
 * `npm run eval:assemble`: fills the evaluation folder (SWATCHBOOK_EVAL_DIR, else
 * ~/.cache/swatchbook-eval) with the real images test/eval-set/labels.tsv names, taken from
 * Debian packages (see test/eval-set/packages.tsv for their licences). Each file is checked
 * against the SHA-256 it was labelled with, so a changed upstream file is reported, not mislabelled.
 */
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { evalDir, isXbmMember, readManifest } from './eval-set';
import { assembleImages } from './assemble-images';
import { gimpPatternToPng, xbmToPng } from './package-files';

async function storedBytes(source: Buffer, member: string): Promise<Buffer> {
  if (/\.pat$/i.test(member)) return gimpPatternToPng(source);
  if (isXbmMember(member)) return xbmToPng(source);
  if (/\.svgz$/i.test(member)) return gunzipSync(source);
  return source;
}

async function main(): Promise<void> {
  const dir = evalDir();
  const images = readManifest(dir);
  const problems = await assembleImages(images, dir, (source, img) => storedBytes(source, img.member));
  console.log(
    `${images.length - problems.length} of ${images.length} evaluation images in ${path.join(dir, 'images')}`,
  );
  if (problems.length > 0) process.exitCode = 1;
}

await main();
