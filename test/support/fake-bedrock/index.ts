export { startFakeBedrock, DEFAULT_FALLBACK } from './fake-bedrock-server';
export { DEFAULT_FAKE_KEYS, fakeBedrockEnv, type FakeKeys } from './aws-env';
export type { FakeBedrock, FakeBedrockOptions, GuardrailVerdict, RecordedRequest } from './fake-bedrock-server';
export { INJECTION_PAYLOAD, contentFilterRefusal, injectedInput, throttles } from './behaviours';
export { STUB_MP4_WITHOUT_FFMPEG, testVideo } from './test-video';
export type {
  AsyncJobBehaviour,
  AsyncJobOutcome,
  BatchJobBehaviour,
  BatchJobOutcome,
  BatchRecordAnswer,
  Behaviour,
  ControlBehaviour,
  DelayBehaviour,
  DropBehaviour,
  ErrorBehaviour,
  HangBehaviour,
  InjectionBehaviour,
  InvokeBehaviour,
  RuntimeAnswer,
  Scripted,
  TextBehaviour,
  TokenCounts,
  ToolUseBehaviour,
  ToolUseRawBehaviour,
  TransportBehaviour,
} from './behaviours';
export { DEFAULT_MODELS, FAKE_ACCOUNT_ID, HAIKU, PROFILE_TIMESTAMP } from './catalogue';
export type { FakeModel, InferenceType, Modality, ProfilePrefix } from './catalogue';
export type { BedrockErrorType, KnownErrorType } from './errors';
export { imageTokenCount } from './token-estimate';
export { INVALID_DESIGNS_INPUT, MIN_BATCH_RECORDS, UNSCRIPTED_RECORD_TEXT } from './batch-records';
export type { Api, Auth } from './wire';
