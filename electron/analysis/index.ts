/** Model analysis: analyzers behind one interface, the persisted remote queue, cost and budgets. */
export { AnalysisService, type AnalysisServiceOptions } from './analysis-service';
export { noSecretStore, RefusedError, type SecretStore, type AccessKeys } from './bedrock/credentials';
export { localAttributes, LOCAL_MODEL_ID } from './local-attributes';
export { defaultAiSettings } from './default-settings';
export { attributePrompt, PROMPT_VERSION } from './bedrock/prompt';
export { ModelInputError } from './model-input';
export type { ExtractionOutcome } from './attribute-extraction';
export { RemoteCallError, type ClassifiedFailure } from './remote-failure';
export { monthStart } from './budget';
export { callForcedTool, type ForcedToolCall, type ForcedToolResult } from './bedrock/forced-tool';
export { streamForcedTool, StreamStoppedError, type StreamWatch } from './bedrock/forced-tool-stream';
export { ModelStreams } from './model-streams';
