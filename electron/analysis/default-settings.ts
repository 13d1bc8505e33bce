import type { AiSettings } from '../../shared/model/ai';
import { DEFAULT_PRICES, DEFAULT_PRICES_AS_OF } from './pricing';

/** The geography prefix of Bedrock's cross-region inference profiles for a region. */
function inferenceProfilePrefix(region: string): string {
  if (region.startsWith('eu-')) return 'eu';
  if (region.startsWith('ap-')) return 'apac';
  return 'us';
}

/**
 * What a new user meets: the local analyzer, nothing sent anywhere. The Bedrock defaults
 * follow the product brief (Claude 3 Haiku first, a Claude Sonnet to escalate to, through
 * the cross-region profile that region needs) and are plain settings, not constants.
 */
export function defaultAiSettings(env: NodeJS.ProcessEnv = process.env): AiSettings {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  return {
    analyzer: 'local',
    region,
    credentials: env.AWS_PROFILE ? { kind: 'profile', profile: env.AWS_PROFILE } : { kind: 'default' },
    attributesModel: 'anthropic.claude-3-haiku-20240307-v1:0',
    escalationModel: `${inferenceProfilePrefix(region)}.anthropic.claude-sonnet-4-20250514-v1:0`,
    escalationThreshold: 0.6,
    imageModel: 'amazon.nova-canvas-v1:0',
    videoOutputS3Uri: '',
    batchS3Uri: '',
    batchRoleArn: '',
    batchThreshold: 1000,
    remoteConcurrency: 2,
    designsPerCall: 6,
    requestTimeoutMs: 60_000,
    monthlyBudgetUsd: 10,
    prices: { ...DEFAULT_PRICES },
    pricesAsOf: DEFAULT_PRICES_AS_OF,
    searchUnreviewed: true,
    trustedFields: [],
    promptNotes: [],
  };
}
