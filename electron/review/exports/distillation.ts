/**
 * A distillation / fine-tuning dataset from what reviewers approved: for each image whose
 * every field was accepted or edited (rejected and unfinished items are left out), the exact
 * prompt and images the model was given, and the approved answer as the assistant's reply
 * (the reviewer's value where they edited). Images are written beside the JSONL for upload
 * to the S3 prefix the records reference, as the format requires.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ATTRIBUTE_FIELDS } from '../../../shared/model/attributes';
import { planModelInput, readOriginal, renderModelInput } from '../../analysis/model-input';
import { attributePrompt, userMessage } from '../../analysis/bedrock/prompt';
import type { LibraryStore } from '../../store';
import { currentAnalysis } from '../current-analysis';
import { ConversationRecord } from './distillation-schema';
import { writeAtomic } from '../../imaging/cache-files';

export interface DistillationOptions {
  /** Where the images will be uploaded, e.g. s3://my-bucket/swatchbook/train. */
  s3Prefix: string;
  /** The bucket owner's 12-digit account id, when the bucket is another account's. */
  bucketOwner?: string;
  /** Folder the JSONL's images are written to. */
  imagesDir: string;
}

export interface DistillationResult {
  lines: string[];
  images: number;
  /** Approved images that could not be included, with why (original gone or changed). */
  skipped: { hash: string; reason: string }[];
}

export async function distillationDataset(
  store: LibraryStore,
  options: DistillationOptions,
): Promise<DistillationResult> {
  const prefix = options.s3Prefix.replace(/\/+$/, '');
  await fs.mkdir(options.imagesDir, { recursive: true });
  const result: DistillationResult = { lines: [], images: 0, skipped: [] };
  // The student is trained on the prompt it will be asked with: today's, the team's prompt notes included.
  const system = attributePrompt(store.analysis.getAiSettings()?.promptNotes ?? []).system;
  for (const hash of store.reviews.analysedHashes().sort()) {
    const asset = store.getAsset(hash);
    const fields = store.reviews.fieldReviews(hash);
    if (!asset || !ATTRIBUTE_FIELDS.every((f) => fields[f].state === 'accepted' || fields[f].state === 'edited'))
      continue;
    let images;
    try {
      images = await renderModelInput(
        planModelInput(asset),
        await readOriginal(asset),
        asset.metadata.width,
        asset.metadata.height,
      );
    } catch (error) {
      result.skipped.push({ hash, reason: (error as Error).message });
      continue;
    }
    const uris: string[] = [];
    for (const [i, image] of images.entries()) {
      const name = `${hash}-${i}.jpg`;
      await fs.writeFile(path.join(options.imagesDir, name), image.bytes);
      uris.push(`${prefix}/${name}`);
    }
    result.images += images.length;
    const user = userMessage([{ images }]);
    let next = 0;
    const content = (user.content ?? []).map((block) =>
      block.image
        ? {
            image: {
              format: block.image.format!,
              source: {
                s3Location: { uri: uris[next++], ...(options.bucketOwner ? { bucketOwner: options.bucketOwner } : {}) },
              },
            },
          }
        : { text: block.text! },
    );
    const model = currentAnalysis(store.analysis.listModelAnalyses(hash));
    const approved = Object.fromEntries(ATTRIBUTE_FIELDS.map((f) => [f, fields[f].value]));
    const confidence = Object.fromEntries(
      ATTRIBUTE_FIELDS.map((f) => [f, fields[f].state === 'edited' ? 1 : (model?.attributes.confidence[f] ?? 1)]),
    );
    const record = ConversationRecord.parse({
      schemaVersion: 'bedrock-conversation-2024',
      system: [{ text: system }],
      messages: [
        { role: 'user', content },
        {
          role: 'assistant',
          content: [{ text: JSON.stringify({ designs: [{ design: 1, ...approved, confidence }] }) }],
        },
      ],
    });
    result.lines.push(JSON.stringify(record));
  }
  return result;
}

/** The dataset as files: `<jsonl>` and its images in `<jsonl's folder>/images`, the JSONL written atomically. */
export async function writeDistillation(
  store: LibraryStore,
  jsonlPath: string,
  s3Prefix: string,
  bucketOwner?: string,
): Promise<DistillationResult> {
  const result = await distillationDataset(store, {
    s3Prefix,
    bucketOwner,
    imagesDir: path.join(path.dirname(jsonlPath), 'images'),
  });
  await writeAtomic(jsonlPath, Buffer.from(result.lines.map((line) => `${line}\n`).join('')));
  return result;
}
