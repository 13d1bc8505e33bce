/**
 * A batch job's input: each image rendered exactly as an on-demand call would send it, several designs
 * per record as on demand, one JSONL record per line, written to `input/` in files of at most 64 MB
 * (Bedrock reads every file under the folder; a bounded file keeps memory bounded however large the run).
 * Which images each record holds goes to `records.jsonl` beside `input/`, for reading the answers back.
 * An image that cannot be read is left out and said so; the rest go on.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Asset } from '../../../shared/model/asset';
import type { DesignRequest } from '../bedrock/prompt';
import { planModelInput, renderAssetInput } from '../model-input';
import { putObject, under, type S3Location } from './batch-bucket';
import { batchRecordLine } from './batch-record';

const MAX_FILE_BYTES = 64 * 1024 * 1024;
export const RECORDS_FILE = 'records.jsonl';

export interface BatchInputTarget {
  s3: S3Client;
  /** The job's folder: files go to `<folder>/input/`. */
  folder: S3Location;
  system: string;
  designsPerRecord: number;
  /** Told after each record is written, with how many images are in the input so far. */
  onProgress: (prepared: number) => void;
  signal?: AbortSignal;
  maxFileBytes?: number;
}

export interface BatchInput {
  files: string[];
  /** Images in the input, and the records holding them. */
  images: number;
  records: number;
  unreadable: { hash: string; reason: string }[];
}

export async function writeBatchInput(assets: readonly Asset[], target: BatchInputTarget): Promise<BatchInput> {
  const limit = target.maxFileBytes ?? MAX_FILE_BYTES;
  const input: BatchInput = { files: [], images: 0, records: 0, unreadable: [] };
  const index: string[] = [];
  let lines: Buffer[] = [];
  let bytes = 0;
  const flush = async () => {
    if (lines.length === 0) return;
    const name = `records-${String(input.files.length + 1).padStart(4, '0')}.jsonl`;
    await putObject(target.s3, under(target.folder, 'input', name), Buffer.concat(lines), target.signal);
    input.files.push(name);
    [lines, bytes] = [[], 0];
  };
  let group: { hash: string; design: DesignRequest }[] = [];
  const write = async () => {
    if (group.length === 0) return;
    const recordId = `r${String(input.records + 1).padStart(7, '0')}`;
    const line = Buffer.from(
      batchRecordLine(
        recordId,
        target.system,
        group.map((g) => g.design),
      ),
    );
    if (bytes + line.length > limit) await flush();
    lines.push(line);
    bytes += line.length;
    index.push(JSON.stringify({ recordId, hashes: group.map((g) => g.hash) }));
    input.records += 1;
    input.images += group.length;
    group = [];
    target.onProgress(input.images);
  };
  for (const asset of assets) {
    target.signal?.throwIfAborted();
    try {
      group.push({ hash: asset.hash, design: { images: await renderAssetInput(asset, planModelInput(asset)) } });
    } catch (error) {
      input.unreadable.push({ hash: asset.hash, reason: (error as Error).message });
    }
    if (group.length === target.designsPerRecord) await write();
  }
  await write();
  await flush();
  const records = Buffer.from(index.length ? `${index.join('\n')}\n` : '');
  await putObject(target.s3, under(target.folder, RECORDS_FILE), records, target.signal);
  return input;
}
