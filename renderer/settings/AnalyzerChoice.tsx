import type { AnalyzerKind } from '../../shared/model';
import { useSettingCommit } from './use-setting-commit';
import { useSyncedState } from './use-synced-state';
import { SettingFeedback } from './SettingFeedback';

const CHOICES: { kind: AnalyzerKind; label: string; detail: string }[] = [
  {
    kind: 'local',
    label: 'Local (default)',
    detail: 'Works offline and sends nothing: pattern, colours and repeat are measured on this computer.',
  },
  {
    kind: 'bedrock',
    label: 'Amazon Bedrock',
    detail:
      'A vision model describes style, motifs, mood and products too. Images are sent to AWS and each call costs money.',
  },
];

/** Which analyzer describes images: a radio group saved as soon as it changes. */
export function AnalyzerChoice({ value }: { value: AnalyzerKind }) {
  const { commit, error, status } = useSettingCommit('analyzer');
  const [chosen, setChosen] = useSyncedState(value);
  return (
    <fieldset className="setting-choices" data-testid="analyzer-choice">
      <legend>Analyzer</legend>
      {CHOICES.map((choice) => (
        <label key={choice.kind} className="choice">
          <input
            type="radio"
            name="analyzer"
            value={choice.kind}
            checked={chosen === choice.kind}
            onChange={() => {
              setChosen(choice.kind);
              commit(choice.kind);
            }}
          />
          <span>
            <strong>{choice.label}</strong>
            <span className="small muted choice-detail">{choice.detail}</span>
          </span>
        </label>
      ))}
      <SettingFeedback status={status} error={error} />
    </fieldset>
  );
}
