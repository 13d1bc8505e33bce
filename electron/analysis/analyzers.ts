import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { AnalyzerKind } from '../../shared/model/ai';
import type { CredentialAccess } from './bedrock/credential-advice';
import type { Analyzer } from './analyzer';
import { bedrockAnalyzer } from './bedrock/bedrock-analyzer';
import { localAnalyzer } from './local-attributes';

export interface AnalyzerDeps {
  runtimeClient: () => BedrockRuntimeClient;
  timeoutMs: () => number;
  region: () => string;
  /** For failure messages that name only the credential fixes this mode offers. */
  access: () => CredentialAccess;
  /** The team's notes for the attribute prompt (Settings → AI). */
  promptNotes: () => readonly string[];
}

/** Every analyzer by the name settings use for it. */
const ANALYZERS: Record<AnalyzerKind, (deps: AnalyzerDeps) => Analyzer> = {
  local: () => localAnalyzer,
  bedrock: (deps) => bedrockAnalyzer(deps),
};

export function createAnalyzer(kind: AnalyzerKind, deps: AnalyzerDeps): Analyzer {
  return ANALYZERS[kind](deps);
}
