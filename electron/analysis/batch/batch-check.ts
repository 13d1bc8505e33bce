/**
 * Settings → AI → Batch jobs, "Check": what can be known before a job is started. The location and the
 * role must be well-formed, and these credentials must be able to write and read the bucket (a small
 * object, `swatchbook-check.txt`, written and read back under the prefix). Whether Bedrock may assume the
 * role and use the bucket is only known when a job is created: the answer says so rather than guessing.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { AiSettings } from '../../../shared/model/ai';
import type { BatchCheck } from '../../../shared/model/batch';
import { batchLocation, objectLines, putObject, under, uriOf } from './batch-bucket';
import { ROLE_ARN } from './batch-offer';
import { isBatchableModel } from './batch-record';

const PROBE = 'swatchbook-check.txt';

export async function checkBatchSetup(s3: S3Client, settings: AiSettings): Promise<BatchCheck> {
  let probe;
  try {
    probe = under(batchLocation(settings.batchS3Uri), PROBE);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (!ROLE_ARN.test(settings.batchRoleArn)) {
    return { ok: false, message: 'The batch role is not an IAM role ARN: arn:aws:iam::<account>:role/<name>.' };
  }
  const text = `Swatchbook checked it can write and read here (${new Date().toISOString()}).`;
  try {
    await putObject(s3, probe, Buffer.from(text));
    const lines: string[] = [];
    for await (const line of objectLines(s3, probe)) lines.push(line);
    if (lines.join('\n') !== text) return { ok: false, message: `${uriOf(probe)} did not read back as written.` };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const model = isBatchableModel(settings.attributesModel)
    ? ''
    : ` Batch jobs here are written for Claude models; ${settings.attributesModel} is not one.`;
  return {
    ok: model === '',
    message:
      `Your credentials can write and read ${uriOf(batchLocation(settings.batchS3Uri))}. Whether Bedrock may ` +
      `assume ${settings.batchRoleArn} and use the bucket is checked by Bedrock when a job starts.${model}`,
  };
}
