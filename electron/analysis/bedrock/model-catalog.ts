/**
 * The models and inference profiles this account can use in this region (Bedrock's control
 * plane), with warnings for legacy models and for configured ids that are not offered, so a
 * retired model is noticed in Settings rather than as failed jobs.
 */
import { BedrockClient, ListFoundationModelsCommand, ListInferenceProfilesCommand } from '@aws-sdk/client-bedrock';
import type { AvailableModel, ModelCatalog } from '../../../shared/model/ai';
import { classifyBedrockError, type FailureContext } from './bedrock-errors';
import type { CredentialProvider } from './credentials';
import { redactFailures } from './redacted-failures';

/**
 * The endpoint comes from the standard AWS configuration (AWS_ENDPOINT_URL_BEDROCK is honoured by the SDK).
 * A list that cannot be had is an answer too: Settings shows why, as the connection test would say it.
 */
export async function listAvailableModels(
  credentials: CredentialProvider,
  configured: readonly string[],
  context: FailureContext,
): Promise<ModelCatalog> {
  const { region } = context;
  const client = redactFailures(new BedrockClient({ region, credentials, maxAttempts: 2 }));
  try {
    const [models, profiles] = await Promise.all([
      client.send(new ListFoundationModelsCommand({})),
      client.send(new ListInferenceProfilesCommand({ maxResults: 1000 })),
    ]);
    const lifecycleOf = new Map<string, AvailableModel['lifecycle']>();
    const list: AvailableModel[] = (models.modelSummaries ?? []).map((m) => {
      const lifecycle =
        m.modelLifecycle?.status === 'LEGACY' ? 'LEGACY' : m.modelLifecycle?.status === 'ACTIVE' ? 'ACTIVE' : 'UNKNOWN';
      lifecycleOf.set(m.modelArn ?? '', lifecycle);
      return {
        id: m.modelId ?? '',
        name: m.modelName ?? m.modelId ?? '',
        provider: m.providerName ?? '',
        kind: 'model',
        input: m.inputModalities ?? [],
        output: m.outputModalities ?? [],
        lifecycle,
        warning: lifecycleWarning(lifecycle),
      };
    });
    for (const p of profiles.inferenceProfileSummaries ?? []) {
      const lifecycle = p.models?.some((m) => lifecycleOf.get(m.modelArn ?? '') === 'LEGACY')
        ? 'LEGACY'
        : p.status === 'ACTIVE'
          ? 'ACTIVE'
          : 'UNKNOWN';
      list.push({
        id: p.inferenceProfileId ?? '',
        name: p.inferenceProfileName ?? '',
        provider: 'inference profile',
        kind: 'inference-profile',
        input: [],
        output: [],
        lifecycle,
        warning: lifecycleWarning(lifecycle),
      });
    }
    for (const id of configured) {
      if (!id.startsWith('arn:') && !list.some((m) => m.id === id)) {
        list.push({
          id,
          name: id,
          provider: 'configured',
          kind: 'model',
          input: [],
          output: [],
          lifecycle: 'UNKNOWN',
          warning: `Not offered to this account in ${region}: it may be retired, need an inference profile, or belong to another region.`,
        });
      }
    }
    return { models: list, problem: null, message: null };
  } catch (error) {
    return unlisted(error, context);
  } finally {
    client.destroy();
  }
}

function unlisted(error: unknown, context: FailureContext): ModelCatalog {
  const failure = classifyBedrockError(error, context);
  // Listing needs its own IAM permissions: being refused them says nothing about access to the models.
  const message =
    failure.problem === 'access-denied'
      ? `This account may not list Bedrock models in ${context.region} (IAM: bedrock:ListFoundationModels and ` +
        'bedrock:ListInferenceProfiles). Analysis may still work: try Test connection.'
      : failure.message;
  return { models: [], problem: failure.problem, message };
}

function lifecycleWarning(lifecycle: AvailableModel['lifecycle']): string | null {
  return lifecycle === 'LEGACY'
    ? 'Legacy: AWS is retiring this model; choose an active one before it stops answering.'
    : null;
}
