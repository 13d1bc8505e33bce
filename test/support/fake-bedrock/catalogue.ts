/**
 * The models the fake account can see, described once and rendered as Bedrock's
 * ListFoundationModels and ListInferenceProfiles summaries (timestamps as RFC 3339
 * strings, which is how the SDK's restJson1 deserializer reads them).
 */

export type Modality = 'TEXT' | 'IMAGE' | 'EMBEDDING' | 'VIDEO' | 'SPEECH';
export type InferenceType = 'ON_DEMAND' | 'PROVISIONED' | 'INFERENCE_PROFILE';
/** The geography prefix of a system-defined cross-region inference profile id. */
export type ProfilePrefix = 'us' | 'eu' | 'apac' | 'global';

export interface FakeModel {
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities: Modality[];
  outputModalities: Modality[];
  lifecycle: 'ACTIVE' | 'LEGACY';
  /** Without ON_DEMAND, invoking the bare model id fails as it does on Bedrock: use a profile. */
  inferenceTypes: InferenceType[];
  /** Default true. */
  streaming?: boolean;
  profiles?: ProfilePrefix[];
}

export const FAKE_ACCOUNT_ID = '111122223333';
/** The model the tests use most, and the one a prompt router picks unless told otherwise. */
export const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
/** When profiles were created and last updated: fixed, so tests can compare dates. */
export const PROFILE_TIMESTAMP = '2025-02-24T18:00:00.000Z';

export const DEFAULT_MODELS: readonly FakeModel[] = [
  {
    modelId: HAIKU,
    modelName: 'Claude 3 Haiku',
    providerName: 'Anthropic',
    inputModalities: ['TEXT', 'IMAGE'],
    outputModalities: ['TEXT'],
    lifecycle: 'ACTIVE',
    inferenceTypes: ['ON_DEMAND'],
  },
  {
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    modelName: 'Claude 3.5 Sonnet',
    providerName: 'Anthropic',
    inputModalities: ['TEXT', 'IMAGE'],
    outputModalities: ['TEXT'],
    lifecycle: 'LEGACY',
    inferenceTypes: ['ON_DEMAND'],
  },
  {
    modelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
    modelName: 'Claude 3.7 Sonnet',
    providerName: 'Anthropic',
    inputModalities: ['TEXT', 'IMAGE'],
    outputModalities: ['TEXT'],
    lifecycle: 'ACTIVE',
    inferenceTypes: ['INFERENCE_PROFILE'],
    profiles: ['us'],
  },
  {
    modelId: 'amazon.nova-canvas-v1:0',
    modelName: 'Nova Canvas',
    providerName: 'Amazon',
    inputModalities: ['TEXT', 'IMAGE'],
    outputModalities: ['IMAGE'],
    lifecycle: 'ACTIVE',
    inferenceTypes: ['ON_DEMAND'],
    streaming: false,
  },
  {
    modelId: 'amazon.nova-lite-v1:0',
    modelName: 'Nova Lite',
    providerName: 'Amazon',
    inputModalities: ['TEXT', 'IMAGE', 'VIDEO'],
    outputModalities: ['TEXT'],
    lifecycle: 'ACTIVE',
    inferenceTypes: ['ON_DEMAND'],
  },
];

const PROFILE_REGIONS: Record<ProfilePrefix, { label: string; regions: string[] }> = {
  us: { label: 'US', regions: ['us-east-1', 'us-east-2', 'us-west-2'] },
  eu: { label: 'EU', regions: ['eu-central-1', 'eu-west-1', 'eu-west-3'] },
  apac: { label: 'APAC', regions: ['ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2'] },
  global: { label: 'Global', regions: ['us-east-1', 'eu-west-1', 'ap-northeast-1'] },
};

export const foundationModelArn = (modelId: string, region: string) =>
  `arn:aws:bedrock:${region}::foundation-model/${modelId}`;

export function foundationModelSummaries(models: readonly FakeModel[], region: string, query: URLSearchParams) {
  const provider = query.get('byProvider')?.toLowerCase();
  const output = query.get('byOutputModality');
  const inference = query.get('byInferenceType');
  const customization = query.get('byCustomizationType');
  return models
    .filter((m) => !provider || m.providerName.toLowerCase() === provider)
    .filter((m) => !output || m.outputModalities.includes(output as Modality))
    .filter((m) => !inference || m.inferenceTypes.includes(inference as InferenceType))
    .filter(() => !customization) // no fake model can be customised
    .map((m) => ({
      modelArn: foundationModelArn(m.modelId, region),
      modelId: m.modelId,
      modelName: m.modelName,
      providerName: m.providerName,
      inputModalities: m.inputModalities,
      outputModalities: m.outputModalities,
      responseStreamingSupported: m.streaming ?? true,
      customizationsSupported: [],
      inferenceTypesSupported: m.inferenceTypes,
      modelLifecycle: { status: m.lifecycle },
    }));
}

export function inferenceProfileSummaries(models: readonly FakeModel[], region: string) {
  return models.flatMap((m) =>
    (m.profiles ?? []).map((prefix) => {
      const { label, regions } = PROFILE_REGIONS[prefix];
      const id = `${prefix}.${m.modelId}`;
      return {
        inferenceProfileName: `${label} ${m.providerName} ${m.modelName}`,
        inferenceProfileArn: `arn:aws:bedrock:${region}:${FAKE_ACCOUNT_ID}:inference-profile/${id}`,
        inferenceProfileId: id,
        description: `Routes requests to ${m.providerName} ${m.modelName} in ${regions.join(', ')}.`,
        models: regions.map((r) => ({ modelArn: foundationModelArn(m.modelId, r) })),
        status: 'ACTIVE',
        type: 'SYSTEM_DEFINED',
        createdAt: PROFILE_TIMESTAMP,
        updatedAt: PROFILE_TIMESTAMP,
      };
    }),
  );
}

/**
 * Bedrock's answer to invoking `modelId`, when it refuses before reaching the model: the
 * ValidationException message, or undefined to go on. ARNs (profiles, prompt routers) pass;
 * unknown ids pass unless `strict`.
 */
export function modelIdRefusal(models: readonly FakeModel[], modelId: string, strict: boolean): string | undefined {
  if (modelId.startsWith('arn:')) return undefined;
  const model = models.find((m) => m.modelId === modelId);
  if (model && !model.inferenceTypes.includes('ON_DEMAND')) {
    return (
      `Invocation of model ID ${modelId} with on-demand throughput isn't supported. ` +
      'Retry your request with the ID or ARN of an inference profile that contains this model.'
    );
  }
  const isProfile = models.some((m) => m.profiles?.some((p) => `${p}.${m.modelId}` === modelId));
  if (strict && !model && !isProfile) return 'The provided model identifier is invalid.';
  return undefined;
}
