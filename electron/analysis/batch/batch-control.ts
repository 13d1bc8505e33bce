/**
 * Bedrock's control plane for batch inference: create a job over the JSONL in the user's bucket, ask how
 * it goes, stop it. The client redacts every failure (signature errors echo credentials).
 */
import {
  BedrockClient,
  CreateModelInvocationJobCommand,
  GetModelInvocationJobCommand,
  StopModelInvocationJobCommand,
} from '@aws-sdk/client-bedrock';
import type { BatchJob } from '../../../shared/model/batch';
import type { CredentialProvider } from '../bedrock/credentials';
import { redactFailures } from '../bedrock/redacted-failures';
import { uriOf, under, type S3Location } from './batch-bucket';

/** The endpoint comes from the standard AWS configuration (AWS_ENDPOINT_URL_BEDROCK is honoured by the SDK). */
export function createControlClient(region: string, credentials: CredentialProvider): BedrockClient {
  return redactFailures(new BedrockClient({ region, credentials, maxAttempts: 3 }));
}

export interface JobReport {
  status: string;
  message: string | null;
  processed: number;
  total: number;
}

/** Bedrock's statuses after which nothing more happens to a job. */
export const ENDED = new Set(['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired']);

export async function createJob(
  client: BedrockClient,
  job: BatchJob,
  roleArn: string,
  folder: S3Location,
  signal?: AbortSignal,
): Promise<string> {
  const output = await client.send(
    new CreateModelInvocationJobCommand({
      jobName: job.name,
      roleArn,
      clientRequestToken: job.id,
      modelId: job.modelId,
      inputDataConfig: { s3InputDataConfig: { s3Uri: `${uriOf(under(folder, 'input'))}/`, s3InputFormat: 'JSONL' } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: `${uriOf(under(folder, 'output'))}/` } },
    }),
    { abortSignal: signal },
  );
  if (!output.jobArn) throw new Error('Bedrock accepted the batch job but gave no job ARN');
  return output.jobArn;
}

export async function reportOf(client: BedrockClient, jobArn: string, signal?: AbortSignal): Promise<JobReport> {
  const job = await client.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }), { abortSignal: signal });
  return {
    status: job.status ?? 'Submitted',
    message: job.message ?? null,
    processed: job.processedRecordCount ?? 0,
    total: job.totalRecordCount ?? 0,
  };
}

export async function stopJob(client: BedrockClient, jobArn: string): Promise<void> {
  await client.send(new StopModelInvocationJobCommand({ jobIdentifier: jobArn }));
}

/** Bedrock writes a job's output to a folder named by the job's id (the ARN's last part), one `.out` per input file. */
export function outputFiles(folder: S3Location, jobArn: string, inputFiles: readonly string[]): S3Location[] {
  const jobId = jobArn.split('/').pop() ?? '';
  return inputFiles.map((name) => under(folder, 'output', jobId, `${name}.out`));
}
