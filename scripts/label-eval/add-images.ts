/**
 * `npx tsx scripts/label-eval/add-images.ts NEW.tsv`: appends hand-labelled images to
 * test/eval-set/labels.tsv. NEW.tsv has one image a line: package, member, labels (dominant first).
 * Each file is read from its package to record its SHA-256. The split stays stratified without
 * moving any existing row: per dominant label, the new images follow the existing ones in SHA-256
 * order, and every third position of that label's list (the 1st, 4th, 7th…) goes to the test split.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { evalDir, MANIFEST, readManifest } from './eval-set';
import { readMember, unpackedPackage } from './package-files';

interface NewImage {
  package: string;
  member: string;
  labels: string;
  sha256: string;
}

function readNew(file: string): NewImage[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [pkg, member, labels] = line.split('\t');
      return { package: pkg, member, labels, sha256: '' };
    });
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: add-images.ts NEW.tsv');
  const existing = readManifest();
  const known = new Set(existing.map((img) => `${img.package}\t${img.member}`));
  const added = readNew(file).filter((img) => !known.has(`${img.package}\t${img.member}`));
  for (const img of added) {
    const bytes = readMember(unpackedPackage(evalDir(), img.package), img.member);
    img.sha256 = createHash('sha256').update(bytes).digest('hex');
  }
  const lines: string[] = [];
  const classes = new Set(added.map((img) => img.labels.split(',')[0]));
  for (const label of classes) {
    let position = existing.filter((img) => img.labels[0] === label).length;
    const ofClass = added.filter((img) => img.labels.split(',')[0] === label);
    for (const img of ofClass.sort((a, b) => a.sha256.localeCompare(b.sha256))) {
      const split = position++ % 3 === 0 ? 'test' : 'train';
      lines.push([img.package, img.member, img.labels, split, img.sha256].join('\t'));
    }
  }
  lines.sort();
  appendFileSync(MANIFEST, lines.map((l) => `${l}\n`).join(''));
  console.log(`${lines.length} images added to ${MANIFEST} (${known.size} before)`);
}

main();
