/**
 * `npm run eval:assemble`: fills the evaluation folder (SWATCHBOOK_EVAL_DIR, else
 * ~/.cache/swatchbook-eval) with the real images test/eval-set/labels.tsv names, taken from
 * Debian packages (see test/eval-set/packages.tsv for their licences). Each file is checked
 * against the SHA-256 it was labelled with, so a changed upstream file is reported, not mislabelled.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { evalDir, isXbmMember, readManifest, type EvalImage } from './eval-set';
import { gimpPatternToPng, readMember, unpackedPackage, xbmToPng } from './package-files';

async function storedBytes(source: Buffer, member: string): Promise<Buffer> {
  if (/\.pat$/i.test(member)) return gimpPatternToPng(source);
  if (isXbmMember(member)) return xbmToPng(source);
  if (/\.svgz$/i.test(member)) return gunzipSync(source);
  return source;
}

async function assembleOne(img: EvalImage, cache: string): Promise<string | null> {
  if (existsSync(img.file)) return null;
  const source = readMember(unpackedPackage(cache, img.package), img.member);
  const sha = createHash('sha256').update(source).digest('hex');
  if (sha !== img.sha256)
    return `${img.package} ${img.member}: the file changed upstream (SHA-256 ${sha.slice(0, 12)}…)`;
  const partial = `${img.file}.partial`;
  writeFileSync(partial, await storedBytes(source, img.member));
  renameSync(partial, img.file);
  return null;
}

async function main(): Promise<void> {
  const dir = evalDir();
  const images = readManifest(dir);
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  const problems: string[] = [];
  let done = 0;
  for (const img of images) {
    try {
      const problem = await assembleOne(img, dir);
      if (problem) problems.push(problem);
    } catch (err) {
      problems.push(`${img.package} ${img.member}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (++done % 50 === 0 || done === images.length) process.stderr.write(`\r${done}/${images.length} images`);
  }
  process.stderr.write('\n');
  for (const p of problems) console.error(p);
  console.log(
    `${images.length - problems.length} of ${images.length} evaluation images in ${path.join(dir, 'images')}`,
  );
  if (problems.length > 0) process.exitCode = 1;
}

await main();
