/**
 * Amazon Nova Reel: a six-second video from a prompt and, optionally, a start image. Bedrock makes it
 * as an asynchronous job: StartAsyncInvoke starts it, GetAsyncInvoke is polled until it is Completed or
 * Failed, and the MP4 is then read from the user's S3 bucket, where the job wrote it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  GetAsyncInvokeCommand,
  StartAsyncInvokeCommand,
  type BedrockRuntimeClient,
  type GetAsyncInvokeResponse,
} from '@aws-sdk/client-bedrock-runtime';
import type { S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import type { ModelPrice } from '../../../shared/model/ai';
import type { CallMeta, ModelCalls } from '../../analysis/model-calls';
import { videoCostOf } from '../../analysis/pricing';
import { RemoteCallError } from '../../analysis/remote-failure';
import { reelCancelled, reelFailed, reelTimedOut } from './nova-reel-failures';
import { readS3Object, requireS3Location } from './s3-object';

export const NOVA_REEL = 'amazon.nova-reel-v1:1';
/** Nova Reel v1 renders 1280 × 720 at 24 fps, and takes a start image only at exactly that size. */
export const REEL_WIDTH = 1280;
export const REEL_HEIGHT = 720;
const REEL_FPS = 24;
/** A single-shot (TEXT_VIDEO) reel is six seconds long. */
export const REEL_SECONDS = 6;
/** Nova Reel reads at most 512 characters of prompt and refuses more. */
const MAX_PROMPT = 512;

export interface ReelRequest {
  modelId: string;
  prompt: string;
  /** PNG or JPEG of any size: letterboxed to 1280 × 720. */
  startImage?: Buffer;
  seed: number;
  /** Default 6, the only length a single-shot reel has. */
  durationSeconds?: number;
  /** Where the job writes the video, `s3://bucket/prefix`: the user's credentials must be able to write there. */
  s3Uri: string;
}

export interface ReelPolling {
  intervalMs: number;
  /** How long to wait for the job; it may still finish (and be billed) after that. */
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (progress: ReelProgress) => void;
}

/** Nova Reel only says it is still working: progress is how often it was asked and for how long. */
export interface ReelProgress {
  polls: number;
  elapsedMs: number;
}

export async function startReel(
  client: BedrockRuntimeClient,
  request: ReelRequest,
  signal?: AbortSignal,
): Promise<{ invocationArn: string }> {
  requireS3Location(request.s3Uri);
  const { invocationArn } = await client.send(
    new StartAsyncInvokeCommand({
      modelId: request.modelId,
      modelInput: await reelInput(request),
      outputDataConfig: { s3OutputDataConfig: { s3Uri: request.s3Uri } },
    }),
    { abortSignal: signal },
  );
  if (!invocationArn) throw new Error(`Bedrock accepted the ${request.modelId} job but named no invocation ARN`);
  return { invocationArn };
}

async function reelInput(request: ReelRequest) {
  const image = request.startImage && (await fitStartImage(request.startImage));
  return {
    taskType: 'TEXT_VIDEO',
    textToVideoParams: {
      text: request.prompt.slice(0, MAX_PROMPT),
      ...(image ? { images: [{ format: 'png', source: { bytes: image.toString('base64') } }] } : {}),
    },
    videoGenerationConfig: {
      durationSeconds: request.durationSeconds ?? REEL_SECONDS,
      fps: REEL_FPS,
      dimension: `${REEL_WIDTH}x${REEL_HEIGHT}`,
      seed: request.seed,
    },
  };
}

/** Letterboxed on black, not cropped or stretched: the product stays whole and keeps its shape. */
export async function fitStartImage(image: Buffer): Promise<Buffer> {
  return sharp(image, { limitInputPixels: 50_000_000 })
    .rotate() // upright, as the camera's orientation tag says
    .resize(REEL_WIDTH, REEL_HEIGHT, { fit: 'contain', background: '#000000' })
    .flatten({ background: '#000000' }) // a video has no transparency to show
    .png()
    .toBuffer();
}

/** Asks after the job every `intervalMs` until it ends; resolves with where its video is. */
export async function pollReel(
  client: BedrockRuntimeClient,
  invocationArn: string,
  polling: ReelPolling,
): Promise<{ s3Uri: string }> {
  const deadline = AbortSignal.timeout(polling.timeoutMs);
  const stop = polling.signal ? AbortSignal.any([polling.signal, deadline]) : deadline;
  const started = performance.now();
  try {
    for (let polls = 1; ; polls += 1) {
      const job = await client.send(new GetAsyncInvokeCommand({ invocationArn }), { abortSignal: stop });
      if (job.status === 'Completed') return { s3Uri: videoUri(job) };
      if (job.status === 'Failed') throw new RemoteCallError(reelFailed(job.failureMessage));
      polling.onProgress?.({ polls, elapsedMs: performance.now() - started });
      await sleep(polling.intervalMs, undefined, { signal: stop });
    }
  } catch (error) {
    // Either signal may end a poll or a wait mid-way; the error thrown then is the SDK's or the timer's.
    if (polling.signal?.aborted) throw new RemoteCallError(reelCancelled());
    if (deadline.aborted) throw new RemoteCallError(reelTimedOut(polling.timeoutMs));
    throw error;
  }
}

/** A finished job names its own folder under the requested location; the video is `output.mp4` in it. */
function videoUri(job: GetAsyncInvokeResponse): string {
  const folder = job.outputDataConfig?.s3OutputDataConfig?.s3Uri;
  if (!folder) throw new Error('Nova Reel finished the video but did not say where in S3 it wrote it');
  return `${folder.replace(/\/+$/, '')}/output.mp4`;
}

/** The video's bytes (MP4), read from S3. */
export function fetchReel(s3: S3Client, s3Uri: string, signal?: AbortSignal): Promise<Buffer> {
  return readS3Object(s3, s3Uri, signal);
}

export interface ReelDeps {
  /** The gateway: the job is one model call, logged with its cost or its classified failure. */
  calls: ModelCalls;
  s3: S3Client;
  prices: Record<string, ModelPrice>;
}

export interface ReelVideo {
  mp4: Buffer;
  /** Where the video stays in the user's bucket. */
  s3Uri: string;
  invocationArn: string;
  costUsd: number;
}

/** Starts the job, waits for it through the gateway, then reads the video it made. */
export async function makeReelVideo(
  deps: ReelDeps,
  request: ReelRequest,
  polling: ReelPolling,
  about: Pick<CallMeta, 'promptVersion' | 'hashes'>,
): Promise<ReelVideo> {
  requireS3Location(request.s3Uri); // a settings problem, refused before it could count as a call
  const costUsd = videoCostOf(request.modelId, request.durationSeconds ?? REEL_SECONDS, deps.prices);
  const job = await deps.calls.call(
    { ...about, modelId: request.modelId },
    async (client) => {
      const { invocationArn } = await startReel(client, request, polling.signal);
      return { invocationArn, ...(await pollReel(client, invocationArn, polling)) };
    },
    () => ({ costUsd }),
  );
  // Read after the call is logged: the video was made and paid for even if reading it fails.
  return { mp4: await fetchReel(deps.s3, job.s3Uri, polling.signal), ...job, costUsd };
}
