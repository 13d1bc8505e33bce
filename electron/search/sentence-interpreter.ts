import type { QueryPart, SearchInterpretation } from '../../shared/model/natural-search';
import { StreamStoppedError, type AnalysisService } from '../analysis';
import { spentThisMonth } from '../analysis/budget';
import { costOf } from '../analysis/pricing';
import type { LibraryStore } from '../store';
import { interpretSentence } from './interpret-sentence';
import type { SearchReference } from './reference-parts';
import { modelInterpretation, SEARCH_PROMPT_VERSION } from './model-interpretation';

/** Parts only the built-in interpreter reads. */
const ANSWER_AND_DATE_KINDS = new Set<QueryPart['kind']>(['model', 'confidence', 'date', 'like', 'shift']);
/** Sentences remembered per process: the same words asked again cost nothing. */
const CACHE_SIZE = 500;

/**
 * Reads a sentence typed into search: the built-in interpreter first (offline, free); when it left
 * words it did not understand and the user chose a model for attributes, that model reads the whole
 * sentence into the same query (one small call, logged and costed like any other; the answer kept
 * by sentence, model and prompt version). When the model cannot be asked or fails, the built-in
 * reading stands and says why.
 */
export class SentenceInterpreter {
  private readonly cache = new Map<string, SearchInterpretation>();

  constructor(
    private readonly analysis: () => AnalysisService,
    private readonly store: LibraryStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** With a `streamId`, the model's reading streams in as live events and Stop ends it (the built-in reading stands). */
  async interpret(sentence: string, streamId?: string, like?: string): Promise<SearchInterpretation> {
    const local = interpretSentence(sentence, this.now(), this.reference(like));
    if (local.ignored.length === 0) return local;
    const analysis = this.analysis();
    const settings = analysis.settings();
    if (settings.analyzer === 'local') return local;
    const modelId = settings.attributesModel;
    const key = `${SEARCH_PROMPT_VERSION}\n${modelId}\n${sentence.trim().toLowerCase()}`;
    const known = this.cache.get(key);
    // The model's filters have no models, confidence or dates: the built-in reading's (of now) stand beside them.
    const withLocalParts = (answered: SearchInterpretation) => ({
      ...answered,
      sentence,
      parts: [...answered.parts, ...local.parts.filter((part) => ANSWER_AND_DATE_KINDS.has(part.kind))],
    });
    if (known) return withLocalParts(known);
    if (spentThisMonth(this.store.analysis, this.now()) >= settings.monthlyBudgetUsd)
      return { ...local, note: `${modelId} was not asked: the monthly budget is reached.` };
    try {
      const { parts } = await analysis.streams.run(streamId, (watch) =>
        analysis.models.call(
          { modelId, promptVersion: SEARCH_PROMPT_VERSION, hashes: [] },
          (client) => modelInterpretation(client, modelId, sentence, settings.requestTimeoutMs, watch),
          ({ usage }) => ({
            ...usage,
            costUsd: costOf(modelId, usage.inputTokens, usage.outputTokens, settings.prices),
          }),
        ),
      );
      const answered: SearchInterpretation = { sentence, parts, ignored: [], by: 'model', modelId, note: null };
      this.remember(key, answered);
      return withLocalParts(answered);
    } catch (error) {
      if (error instanceof StreamStoppedError)
        return { ...local, note: `${modelId} was stopped by you; the built-in reading stands.` };
      return { ...local, note: `${modelId} could not read the words left over: ${(error as Error).message}` };
    }
  }

  /** The image "like this" means: its hash and main colour; none when it is not in the library. */
  private reference(hash: string | undefined): SearchReference | undefined {
    const asset = hash ? this.store.getAsset(hash) : undefined;
    const main = asset?.analysis.palette.reduce((a, b) => (b.share > a.share ? b : a), asset.analysis.palette[0]);
    return asset && main ? { hash: asset.hash, colour: main.hex } : undefined;
  }

  private remember(key: string, interpretation: SearchInterpretation): void {
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, interpretation);
  }
}
