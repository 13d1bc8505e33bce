/**
 * `npm run ingest-set:select`: (re)writes test/ingest-set/images.tsv from the packages in
 * packages.tsv: every distinct JPEG, PNG, TIFF or WebP of 1–12 megapixels they ship, at most
 * PER_PACKAGE from one package (spread evenly over its files in path order), so no one source
 * dominates the timing. Run it when a package is added; the assemble script only checks.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { unpackedPackage } from '../label-eval/package-files';
import { HELD_OUT, ingestSetDir, MANIFEST, readLicences } from './ingest-set';

const PER_PACKAGE = 60;
const MIN_PIXELS = 1_000_000;
const MAX_PIXELS = 12_000_000;
const FORMATS = new Set(['jpeg', 'png', 'tiff', 'webp']);

interface Candidate {
  member: string;
  format: string;
  size: string;
  sha256: string;
}

function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(root, path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : [],
    )
    .sort();
}

async function candidate(root: string, member: string): Promise<Candidate | null> {
  if (!/\.(jpe?g|png|tiff?|webp)$/i.test(member)) return null;
  const bytes = readFileSync(path.join(root, member));
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!meta?.format || !FORMATS.has(meta.format) || !meta.width || !meta.height) return null;
  const pixels = meta.width * meta.height;
  if (pixels < MIN_PIXELS || pixels > MAX_PIXELS) return null;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { member, format: meta.format, size: `${meta.width}x${meta.height}`, sha256 };
}

/** `count` items spread evenly over the list (all of it when it is short enough). */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

async function main(): Promise<void> {
  const seen = new Set<string>();
  const lines = ['package\tmember\tformat\tsize\tsha256'];
  for (const pkg of readLicences().keys()) {
    if (HELD_OUT.has(pkg)) throw new Error(`${pkg} is held out of this set: remove it from packages.tsv`);
    const root = unpackedPackage(ingestSetDir(), pkg);
    const found: Candidate[] = [];
    for (const member of filesUnder(root)) {
      const c = await candidate(root, member);
      if (c && !seen.has(c.sha256)) found.push(c);
      if (c) seen.add(c.sha256);
    }
    const kept = spread(found, PER_PACKAGE);
    for (const c of kept) lines.push([pkg, c.member, c.format, c.size, c.sha256].join('\t'));
    console.log(`${pkg}: ${kept.length} of ${found.length} images of 1–12 MP`);
  }
  writeFileSync(MANIFEST, lines.join('\n') + '\n');
  console.log(`${lines.length - 1} images in ${path.relative(process.cwd(), MANIFEST)}`);
}

await main();
