import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  approvedCsv,
  approvedRecords,
  ConversationRecord,
  ReviewService,
  writeDistillation,
} from '../../../electron/review';
import { ATTRIBUTE_FIELDS } from '../../../shared/model/attributes';
import { runTsx } from '../../support/cli';
import { parseCsv } from '../../support/csv';
import { openReviewFixture, type ReviewFixture } from './review-fixture';

let fixture: ReviewFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/** Four images: one accepted whole, one edited then accepted, one rejected, one half done. */
async function reviewed(): Promise<ReviewFixture> {
  const f = await openReviewFixture(4);
  const review = new ReviewService(f.engine.store);
  const [a, b, c, d] = f.hashes;
  review.decide(a, 'ana', [{ field: 'item', action: 'accept' }]);
  review.decide(b, 'ana', [
    { field: 'description', action: 'edit', value: '=HYPERLINK("http://x") "quoted", with comma' },
  ]);
  review.decide(
    b,
    'ana',
    ATTRIBUTE_FIELDS.filter((x) => x !== 'description').map((field) => ({ field, action: 'accept' as const })),
  );
  review.decide(c, 'ana', [{ field: 'item', action: 'reject' }]);
  review.decide(d, 'ana', [{ field: 'style', action: 'accept' }]);
  return f;
}

describe('exports of reviewed attributes', () => {
  it('round-trips approved values through JSON, relative to the library folder, rejected and pending fields left out', async () => {
    fixture = await reviewed();
    const { store } = fixture.engine;
    const records = JSON.parse(JSON.stringify(approvedRecords(store))) as ReturnType<typeof approvedRecords>;
    expect(records.map((r) => r.path)).toEqual([
      'prints/design-00.png',
      'prints/design-01.png',
      'prints/design-03.png',
    ]);
    expect(records.every((r) => r.library === path.basename(fixture!.root))).toBe(true);
    for (const record of records) {
      const fields = store.reviews.fieldReviews(record.hash);
      for (const field of ATTRIBUTE_FIELDS) {
        const approved = fields[field].state === 'accepted' || fields[field].state === 'edited';
        expect(record.attributes[field as keyof typeof record.attributes], `${record.path} ${field}`).toEqual(
          approved ? fields[field].value : undefined,
        );
      }
    }
    expect(records[1].provenance.description).toEqual({
      reviewer: 'ana',
      modelId: expect.stringMatching(/haiku/),
      edited: true,
      trusted: false,
    });
    expect(Object.keys(records[2].attributes)).toEqual(['style']);
  });

  it('counts the unreviewed answers of a model the team trusts for a field as approved', async () => {
    fixture = await reviewed();
    fixture.engine.analysis.updateSettings({
      trustedFields: [{ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', field: 'technique' }],
    });
    const records = approvedRecords(fixture.engine.store);
    const half = records.find((r) => r.path === 'prints/design-03.png')!;
    expect(Object.keys(half.attributes).sort()).toEqual(['style', 'technique']);
    expect(half.provenance.technique).toEqual({
      reviewer: null,
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      edited: false,
      trusted: true,
    });
    // A rejected item stays rejected: trust does not bring its fields back.
    expect(records.some((r) => r.hash === fixture!.hashes[2])).toBe(false);
  });

  it('writes one CSV row per image that a spreadsheet reads back as text, never as a formula', async () => {
    fixture = await reviewed();
    const rows = parseCsv(approvedCsv(approvedRecords(fixture.engine.store)));
    expect(rows[0]).toEqual([
      'path',
      'library',
      'hash',
      'status',
      ...ATTRIBUTE_FIELDS,
      'patternLabels',
      'colourNames',
      'repeatSize',
      'correctedBy',
    ]);
    expect(rows).toHaveLength(4);
    const edited = rows.find((r) => r[0] === 'prints/design-01.png')!;
    expect(edited[rows[0].indexOf('description')]).toBe(`'=HYPERLINK("http://x") "quoted", with comma`);
    expect(edited[rows[0].indexOf('colours')]).toBe('navy #1b2a4a; cream #fffdd0; coral #ff7f50');
    expect(edited[rows[0].indexOf('keywords')]).toBe('roses; watercolour; navy; coral; half-drop; vintage');
  });

  it('builds a Bedrock distillation dataset from fully approved items only, each line valid, images beside it', async () => {
    fixture = await reviewed();
    // The dataset teaches the prompt the distilled model will be asked with: the team's notes included.
    fixture.engine.analysis.updateSettings({ promptNotes: ['paisley is not floral'] });
    const out = path.join(fixture.dataDir, 'export', 'train.jsonl');
    const result = await writeDistillation(
      fixture.engine.store,
      out,
      's3://my-bucket/swatchbook/train/',
      '111122223333',
    );
    const lines = (await fs.readFile(out, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(result).toMatchObject({ images: expect.any(Number), skipped: [] });
    for (const line of lines) {
      const record = ConversationRecord.parse(JSON.parse(line));
      const [user, assistant] = record.messages;
      expect(record.system?.[0].text).toContain('- paisley is not floral');
      const images = user.content.flatMap((c) => ('image' in c ? [c.image.source.s3Location] : []));
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) {
        expect(image.uri).toMatch(/^s3:\/\/my-bucket\/swatchbook\/train\/[0-9a-f]{64}-\d\.jpg$/);
        expect(image.bucketOwner).toBe('111122223333');
        await fs.access(path.join(path.dirname(out), 'images', path.basename(image.uri)));
      }
      const reply = JSON.parse((assistant.content[0] as { text: string }).text) as {
        designs: { description: string }[];
      };
      expect(reply.designs).toHaveLength(1);
    }
    const texts = lines.map((l) => l).join('\n');
    expect(texts).toContain('=HYPERLINK');
    expect(texts).not.toContain(fixture.hashes[2]);
    expect(() =>
      ConversationRecord.parse({
        schemaVersion: 'bedrock-conversation-2024',
        messages: [
          { role: 'assistant', content: [{ text: 'x' }] },
          { role: 'user', content: [{ text: 'y' }] },
        ],
      }),
    ).toThrow(/alternate/);
  });

  it('is scriptable: npm run export -- --format json|csv|distillation --out <file>', async () => {
    fixture = await reviewed();
    await fixture.engine.close();
    const env = { SWATCHBOOK_DATA_DIR: fixture.dataDir };
    const json = path.join(fixture.dataDir, 'cli', 'approved.json');
    const csv = path.join(fixture.dataDir, 'cli', 'approved.csv');
    const jsonl = path.join(fixture.dataDir, 'cli', 'train.jsonl');
    expect(
      (await runTsx('electron/cli/export-command.ts', ['--format', 'json', '--out', json], { env })).stdout,
    ).toMatch(/Wrote 3 images/);
    expect(JSON.parse(await fs.readFile(json, 'utf8'))).toHaveLength(3);
    await runTsx('electron/cli/export-command.ts', ['--format', 'csv', '--out', csv], { env });
    expect((await fs.readFile(csv, 'utf8')).split('\r\n').filter(Boolean)).toHaveLength(4);
    const missingPrefix = await runTsx('electron/cli/export-command.ts', ['--format', 'distillation', '--out', jsonl], {
      env,
    });
    expect(missingPrefix.code).toBe(2);
    expect(missingPrefix.stderr).toMatch(/needs --s3-prefix/);
    const distilled = await runTsx(
      'electron/cli/export-command.ts',
      ['--format', 'distillation', '--out', jsonl, '--s3-prefix', 's3://bucket-a/x'],
      { env },
    );
    expect(distilled.code).toBe(0);
    expect(distilled.stdout).toMatch(/Wrote 2 records/);
    fixture.engine = await (await import('../../../electron/engine')).Engine.open({ dataDir: fixture.dataDir });
  });
});
