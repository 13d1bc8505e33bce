/**
 * A batch job's input: each image rendered exactly as an on-demand call would send it, one JSONL record
 * per image, written to `input/` in files of at most 64 MB (Bedrock reads every file under the folder;
 * a bounded file keeps memory bounded however large the run). An image that cannot be read is left out
 * and said so; the rest go on.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Asset } from '../../../shared/model/asset';
import { planModelInput, renderAssetInput } from '../model-input';
import { putObject, under, type S3Location } from './batch-bucket';
import { batchRecordLine } from './batch-record';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface BatchInputTarget {
  s3: S3Client;
  /** The job's folder: files go to `<folder>/input/`. */
  folder: S3Location;
  system: string;
  /** Told after each record is written, with how many are. */
  onRecord: (prepared: number) => void;
  signal?: AbortSignal;
  maxFileBytes?: number;
}

export interface BatchInput {
  files: string[];
  records: number;
  unreadable: { hash: string; reason: string }[];
}

export async function writeBatchInput(assets: readonly Asset[], target: BatchInputTarget): Promise<BatchInput> {
  const limit = target.maxFileBytes ?? MAX_FILE_BYTES;
  const input: BatchInput = { files: [], records: 0, unreadable: [] };
  let lines: Buffer[] = [];
  let bytes = 0;
  const flush = async () => {
    if (lines.length === 0) return;
    const name = `records-${String(input.files.length + 1).padStart(4, '0')}.jsonl`;
    await putObject(target.s3, under(target.folder, 'input', name), Buffer.concat(lines), target.signal);
    input.files.push(name);
    lines = [];
    bytes = 0;
  };
  for (const asset of assets) {
    target.signal?.throwIfAborted();
    let line: Buffer;
    try {
      const images = await renderAssetInput(asset, planModelInput(asset));
      line = Buffer.from(batchRecordLine(asset.hash, target.system, images));
    } catch (error) {
      input.unreadable.push({ hash: asset.hash, reason: (error as Error).message });
      continue;
    }
    if (bytes + line.length > limit) await flush();
    lines.push(line);
    bytes += line.length;
    input.records += 1;
    target.onRecord(input.records);
  }
  await flush();
  return input;
}
