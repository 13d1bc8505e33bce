/**
 * Bedrock's asynchronous invocations (Nova Reel's video jobs), played out. StartAsyncInvoke, answered by
 * an `asyncJob` behaviour, opens a job; each GetAsyncInvoke of it answers InProgress until the behaviour's
 * polls are used up, then Completed or Failed for good. As on Bedrock, a job writes into a folder of its
 * own under the requested location, `<s3Uri>/<job id>/output.mp4`, and reports that folder as its s3Uri.
 */
import { randomBytes } from 'node:crypto';
import type { AsyncJobBehaviour, AsyncJobOutcome } from './behaviours';
import { FAKE_ACCOUNT_ID, foundationModelArn } from './catalogue';
import { errorReply } from './errors';
import type { S3Objects } from './fake-s3';
import { testVideo } from './test-video';
import { imageSize } from './token-estimate';
import { json, type WireReply } from './wire';

/** The parts of a StartAsyncInvoke body the fake reads. */
interface StartBody {
  modelId?: string;
  clientRequestToken?: string;
  modelInput?: {
    taskType?: string;
    textToVideoParams?: { text?: string; images?: { source?: { bytes?: string } }[] };
  };
  outputDataConfig?: { s3OutputDataConfig?: { s3Uri?: string } };
}

interface Job {
  invocationArn: string;
  modelArn: string;
  clientRequestToken?: string;
  folder: string;
  pollsLeft: number;
  outcome: AsyncJobOutcome;
  submitTime: string;
  endTime?: string;
}

export interface AsyncJobs {
  start(b: AsyncJobBehaviour, body: unknown, region: string): WireReply;
  poll(invocationArn: string | undefined): WireReply;
  clear(): void;
}

const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;
const REEL_SIZE = { width: 1280, height: 720 };

/**
 * What Bedrock refuses before a job starts: no S3 location, and for Nova Reel a prompt it cannot take or a
 * start image that is not exactly 1280 × 720. The messages say the same as Bedrock's, in the fake's words.
 */
export function asyncInvokeRefusal(body: unknown): string | undefined {
  const start = (body ?? {}) as StartBody;
  const s3Uri = start.outputDataConfig?.s3OutputDataConfig?.s3Uri;
  if (!s3Uri || !S3_URI.test(s3Uri)) return `The S3 output location is not a valid S3 URI: ${s3Uri ?? 'none given'}`;
  if (!start.modelId?.includes('nova-reel')) return undefined;
  const params = start.modelInput?.textToVideoParams;
  if (start.modelInput?.taskType !== 'TEXT_VIDEO' || !params?.text || params.text.length > 512) {
    return 'Nova Reel takes a TEXT_VIDEO task with a text of 1 to 512 characters.';
  }
  for (const image of params.images ?? []) {
    const size = imageSize(Buffer.from(image.source?.bytes ?? '', 'base64'));
    if (size?.width !== REEL_SIZE.width || size.height !== REEL_SIZE.height) {
      const given = size ? `${size.width}x${size.height}` : 'not a PNG or JPEG';
      return `The start image must be 1280x720 pixels (PNG or JPEG); this one is ${given}.`;
    }
  }
  return undefined;
}

export function asyncJobs(objects: S3Objects): AsyncJobs {
  const jobs = new Map<string, Job>();

  const reply = (job: Job, status: string, more: Record<string, unknown> = {}) =>
    json({
      invocationArn: job.invocationArn,
      modelArn: job.modelArn,
      ...(job.clientRequestToken ? { clientRequestToken: job.clientRequestToken } : {}),
      status,
      submitTime: job.submitTime,
      lastModifiedTime: new Date().toISOString(),
      outputDataConfig: { s3OutputDataConfig: { s3Uri: job.folder } },
      ...more,
    });

  return {
    start(b, body, region) {
      const start = body as StartBody;
      const id = randomBytes(6).toString('hex');
      const job: Job = {
        invocationArn: `arn:aws:bedrock:${region}:${FAKE_ACCOUNT_ID}:async-invoke/${id}`,
        modelArn: foundationModelArn(start.modelId ?? '', region),
        clientRequestToken: start.clientRequestToken,
        folder: `${start.outputDataConfig?.s3OutputDataConfig?.s3Uri?.replace(/\/+$/, '')}/${id}`,
        pollsLeft: b.inProgressPolls ?? 0,
        outcome: b.outcome ?? { status: 'Completed' },
        submitTime: new Date().toISOString(),
      };
      jobs.set(job.invocationArn, job);
      if (job.outcome.status === 'Completed') void testVideo(); // encoding starts now, while the job "runs"
      return json({ invocationArn: job.invocationArn });
    },
    poll(invocationArn) {
      const job = invocationArn ? jobs.get(invocationArn) : undefined;
      if (!job) return errorReply('ResourceNotFoundException', `No async invocation with ARN ${invocationArn}.`);
      if (job.pollsLeft > 0) {
        job.pollsLeft -= 1;
        return reply(job, 'InProgress');
      }
      job.endTime ??= finish(job, objects);
      const failed = job.outcome.status === 'Failed' ? { failureMessage: job.outcome.failureMessage } : {};
      return reply(job, job.outcome.status, { endTime: job.endTime, ...failed });
    },
    clear: () => jobs.clear(),
  };
}

/** The job ends: a completed one has written its video. Returns when it ended. */
function finish(job: Job, objects: S3Objects): string {
  if (job.outcome.status === 'Completed') objects.set(`${job.folder}/output.mp4`, testVideo());
  return new Date().toISOString();
}
