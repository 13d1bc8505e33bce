/**
 * The records of a batch inference job: read from the fake S3 and checked as Bedrock checks them while the job
 * is Validating, answered in the Anthropic Messages format (an InvokeModel reply body per record), and written
 * back as Bedrock writes them: `<output>/<job id>/<input file name>.out`, one line per input line in order,
 * and `<output>/<job id>/manifest.json.out` with the job's counts.
 */
import { randomBytes } from 'node:crypto';
import type { BatchJobBehaviour } from './behaviours';
import type { S3Objects } from './fake-s3';
import { estimateInputTokens, estimateOutputTokens } from './token-estimate';

/** Bedrock's quota: a job with fewer records fails validation. */
export const MIN_BATCH_RECORDS = 100;
export const UNSCRIPTED_RECORD_TEXT = 'fake-bedrock: nothing was scripted for this batch record';
/** The tool input an `invalid` record gets: `patternTypes` should be a list. */
export const INVALID_DESIGNS_INPUT = { designs: [{ design: 1, patternTypes: 'not a list' }] };

export interface BatchInputRecord {
  /** The input object's URI. */
  file: string;
  recordId: string;
  modelInput: AnthropicInput;
}

/** The parts of an Anthropic Messages request body the fake reads. */
interface AnthropicInput {
  anthropic_version?: unknown;
  max_tokens?: unknown;
  messages?: unknown;
  tools?: { name?: string }[];
  tool_choice?: { type?: string; name?: string };
}

/** A record as it will appear in its `.out` file, and what it cost. */
export interface AnsweredRecord {
  file: string;
  line: Record<string, unknown>;
  failed: boolean;
  /** Answered, but its line is missing from the output, as if the output had lost it. */
  lost?: boolean;
  inputTokens: number;
  outputTokens: number;
}

/**
 * The job's records, or the message it fails validation with. `inputUri` ending in `/` is a prefix: every
 * `.jsonl` object under it, in key order; otherwise it names one object.
 */
export function readBatchInput(
  objects: S3Objects,
  inputUri: string,
  modelId: string,
): { records: BatchInputRecord[] } | { failure: string } {
  const files = [...objects.keys()]
    .filter((uri) => (inputUri.endsWith('/') ? uri.startsWith(inputUri) : uri === inputUri) && uri.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) return { failure: `No .jsonl input was found at ${inputUri}.` };
  const records: BatchInputRecord[] = [];
  for (const file of files) {
    const bytes = objects.get(file);
    const lines = Buffer.isBuffer(bytes) ? bytes.toString('utf8').split('\n') : [];
    for (const [i, text] of lines.entries()) {
      if (!text.trim()) continue;
      const record = parseRecord(text, file);
      if (!record) return { failure: `Line ${i + 1} of ${file} is not a JSON object with a modelInput object.` };
      const anthropicRefusal = modelId.includes('anthropic.') && anthropicInputRefusal(record.modelInput);
      if (anthropicRefusal) {
        return { failure: `Record ${record.recordId} on line ${i + 1} of ${file}: ${anthropicRefusal}` };
      }
      records.push(record);
    }
  }
  if (records.length < MIN_BATCH_RECORDS) {
    const failure =
      `The job's input has ${records.length} records, fewer than Bedrock's minimum of ${MIN_BATCH_RECORDS} ` +
      'records per batch inference job.';
    return { failure };
  }
  return { records };
}

/** Bedrock gives a record without a recordId one of its own, 11 characters long. */
function parseRecord(text: string, file: string): BatchInputRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { recordId, modelInput } = (value ?? {}) as { recordId?: unknown; modelInput?: unknown };
  if (!isObject(value) || !isObject(modelInput)) return undefined;
  const id = typeof recordId === 'string' ? recordId : randomCharacters(11, ALPHANUMERIC);
  return { file, recordId: id, modelInput: modelInput as AnthropicInput };
}

function anthropicInputRefusal(input: AnthropicInput): string | undefined {
  const complete =
    typeof input.anthropic_version === 'string' &&
    typeof input.max_tokens === 'number' &&
    Array.isArray(input.messages);
  return complete ? undefined : 'an Anthropic model input needs anthropic_version, max_tokens and a messages array.';
}

/** Every record's answer, decided when the job starts so its progress counts agree with what it writes. */
export function answerRecords(records: BatchInputRecord[], b: BatchJobBehaviour, modelId: string): AnsweredRecord[] {
  return records.map((record, index) => {
    const answer = b.records?.[index];
    const toolName = record.modelInput.tool_choice?.name ?? record.modelInput.tools?.find((t) => t.name)?.name;
    const toolInput = answer === 'invalid' ? INVALID_DESIGNS_INPUT : answer === 'text' ? undefined : b.input;
    const base = { recordId: record.recordId, modelInput: record.modelInput };
    if (answer === 'error' || (toolInput && !toolName)) {
      const errorMessage =
        answer === 'error'
          ? 'Malformed input request, please reformat your input and try again.'
          : 'fake-bedrock: a tool call was scripted but the record declares no tool';
      const line = { ...base, error: { errorCode: 400, errorMessage } };
      return { file: record.file, line, failed: true, inputTokens: 0, outputTokens: 0 };
    }
    const content =
      toolInput && toolName
        ? [{ type: 'tool_use', id: anthropicId('toolu'), name: toolName, input: toolInput }]
        : [{ type: 'text', text: UNSCRIPTED_RECORD_TEXT }];
    const inputTokens = anthropicInputTokens(record.modelInput);
    const outputTokens = estimateOutputTokens(content);
    const modelOutput = {
      id: anthropicId('msg'),
      type: 'message',
      role: 'assistant',
      model: anthropicModelName(modelId),
      content,
      stop_reason: content[0].type === 'tool_use' ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: outputTokens },
    };
    const lost = answer === 'lost';
    return { file: record.file, line: { ...base, modelOutput }, failed: false, lost, inputTokens, outputTokens };
  });
}

/** Writes each input file's `.out` and the manifest into the job's folder, `<output>/<job id>`. */
export function writeBatchOutput(objects: S3Objects, folder: string, records: AnsweredRecord[]): void {
  const files = new Map<string, string[]>();
  for (const record of records) {
    const lines = files.get(record.file) ?? [];
    if (!record.lost) lines.push(JSON.stringify(record.line));
    files.set(record.file, lines);
  }
  for (const [file, lines] of files) {
    objects.set(`${folder}/${file.split('/').pop()}.out`, Buffer.from(`${lines.join('\n')}\n`));
  }
  const errors = records.filter((r) => r.failed).length;
  const manifest = {
    totalRecordCount: records.length,
    processedRecordCount: records.length,
    successRecordCount: records.length - errors,
    errorRecordCount: errors,
    inputTokenCount: records.reduce((sum, r) => sum + r.inputTokens, 0),
    outputTokenCount: records.reduce((sum, r) => sum + r.outputTokens, 0),
  };
  objects.set(`${folder}/manifest.json.out`, Buffer.from(JSON.stringify(manifest)));
}

/**
 * The token estimate of token-estimate.ts, which knows images by their `bytes`: Anthropic's base64 image sources
 * (`{ type: 'base64', media_type, data }`) are handed to it in that shape.
 */
function anthropicInputTokens(modelInput: AnthropicInput): number {
  const asBytes = JSON.stringify(modelInput, (_key, value: unknown) =>
    isObject(value) && value.type === 'base64' && typeof value.data === 'string' ? { bytes: value.data } : value,
  );
  return estimateInputTokens(JSON.parse(asBytes));
}

/** How Anthropic's reply names the model: `us.anthropic.claude-3-haiku-20240307-v1:0` → `claude-3-haiku-20240307`. */
function anthropicModelName(modelId: string): string {
  const id = modelId.split('/').pop() ?? modelId;
  return id.replace(/^.*anthropic\./, '').replace(/-v\d+(:\d+)?$/, '');
}

/** Anthropic's message and tool-use ids on Bedrock: `msg_bdrk_01…`, `toolu_bdrk_01…`. */
const anthropicId = (kind: 'msg' | 'toolu') => `${kind}_bdrk_01${randomCharacters(22, ALPHANUMERIC)}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const LOWERCASE_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALPHANUMERIC = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${LOWERCASE_ALPHANUMERIC}`;

/** Random characters from `alphabet` (the slight bias of a byte modulo its length does not matter here). */
export function randomCharacters(length: number, alphabet: string): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}
