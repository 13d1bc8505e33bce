import type { ApiOutput } from '../../shared/api';
import { useTeamLibrary } from '../api';
import { AnalyzerChoice } from './AnalyzerChoice';
import { ConnectionTest } from './ConnectionTest';
import { CredentialsSettings } from './CredentialsSettings';
import { ModelSettings } from './ModelSettings';
import { BatchSettings } from './BatchSettings';
import { NumberSetting } from './NumberSetting';
import { PriceTable } from './PriceTable';
import { SearchUnreviewedToggle } from './SearchUnreviewedToggle';
import { PromptNotes } from './PromptNotes';
import { TrustedFields } from './TrustedFields';
import { TextSetting } from './TextSetting';

/** Suggestions only: Bedrock regions with vision models; any region name is accepted. */
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-3',
  'ap-northeast-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
];

/** This machine's monthly budget, or in a team library the team's one budget, which only its admin changes. */
function BudgetSetting({ value }: { value: number }) {
  const role = useTeamLibrary().data?.status?.role;
  const common = { settingKey: 'monthlyBudgetUsd', value, min: 0, step: 1, unit: 'USD' } as const;
  if (!role)
    return (
      <NumberSetting
        {...common}
        label="Monthly budget"
        hint="Remote analysis pauses when this month’s spend reaches it; you are warned from 80 %."
      />
    );
  return (
    <NumberSetting
      {...common}
      label="Team monthly budget"
      disabled={role !== 'admin'}
      hint={
        'One budget for the whole team: everyone’s model calls count, and remote work pauses for all when it is reached. ' +
        (role === 'admin'
          ? 'You are an admin: a change applies to everyone.'
          : `Only an admin changes it (you are a ${role}).`)
      }
    />
  );
}

/** Everything about model analysis: which analyzer, how to reach Bedrock, which models, limits and prices. */
export function AiSettingsPanel({ ai }: { ai: ApiOutput<'getAiSettings'> }) {
  const { settings } = ai;
  return (
    <section className="settings-section" aria-labelledby="ai-settings-title" data-testid="ai-settings">
      <h2 id="ai-settings-title">AI analysis</h2>
      <AnalyzerChoice value={settings.analyzer} />

      <h3>Connection</h3>
      {settings.analyzer === 'local' && (
        <p className="small muted">
          These settings apply when the analyzer is Amazon Bedrock; nothing is sent while it is local.
        </p>
      )}
      <TextSetting
        settingKey="region"
        label="Region"
        value={settings.region}
        list="aws-regions"
        hint="Where Bedrock is called; models and prices differ by region."
      />
      <datalist id="aws-regions">
        {REGIONS.map((region) => (
          <option key={region} value={region} />
        ))}
      </datalist>
      <CredentialsSettings
        value={settings.credentials}
        hasStoredKeys={ai.hasStoredKeys}
        canStoreKeys={ai.canStoreKeys}
      />
      <ConnectionTest />

      <h3>Models</h3>
      <ModelSettings settings={settings} />

      <h3>Limits</h3>
      <BudgetSetting value={settings.monthlyBudgetUsd} />
      <NumberSetting
        settingKey="remoteConcurrency"
        label="Concurrent calls"
        value={settings.remoteConcurrency}
        min={1}
        max={16}
        step={1}
        hint="Halved automatically while Bedrock throttles."
      />
      <NumberSetting
        settingKey="designsPerCall"
        label="Designs per call"
        value={settings.designsPerCall}
        min={1}
        max={8}
        step={1}
        hint="The fixed prompt is paid once per call, so more per call is cheaper."
      />
      <NumberSetting
        settingKey="requestTimeoutMs"
        label="Request timeout"
        value={settings.requestTimeoutMs}
        min={1}
        max={600}
        step={1}
        scale={1000}
        unit="s"
      />

      <h3>Batch jobs</h3>
      <BatchSettings settings={settings} />

      <h3>Prices</h3>
      <PriceTable prices={settings.prices} />
      <TextSetting
        settingKey="pricesAsOf"
        label="Prices as of"
        value={settings.pricesAsOf}
        hint="Update when you change prices, so estimates say how current they are."
      />

      <h3>Search</h3>
      <SearchUnreviewedToggle value={settings.searchUnreviewed} />
      <h4>Trusted answers</h4>
      <TrustedFields settings={settings} />

      <h3>Prompt notes</h3>
      <PromptNotes settings={settings} />
    </section>
  );
}
