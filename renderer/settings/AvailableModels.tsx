import type { AiSettings, AvailableModel } from '../../shared/model';
import type { useAvailableModels } from '../api';
import { AvailableModelList } from './AvailableModelList';

interface AvailableModelsProps {
  settings: AiSettings;
  catalog: ReturnType<typeof useAvailableModels>;
  /** The listed models worth showing (vision models and the configured ones). */
  relevant: AvailableModel[] | undefined;
}

/** The models the account can use here, or why they cannot be listed, in the words of the connection test. */
export function AvailableModels({ settings, catalog, relevant }: AvailableModelsProps) {
  const problem = catalog.data?.problem ? catalog.data.message : null;
  return (
    <>
      <div className="available-models-header">
        <h3>Models available in {settings.region}</h3>
        <button
          type="button"
          className="compact"
          onClick={() => void catalog.refetch()}
          disabled={catalog.isFetching}
          data-testid="refresh-models"
        >
          {catalog.isFetching ? 'Listing…' : 'Refresh list'}
        </button>
      </div>
      {catalog.error && (
        <p className="error-text small" role="alert" data-testid="models-error">
          Could not list the models: {catalog.error.message}
        </p>
      )}
      {problem && (
        <p className="callout warning small" role="alert" data-testid="models-problem">
          {problem}
        </p>
      )}
      {relevant && !problem && <AvailableModelList models={relevant} />}
      {!catalog.data && !catalog.error && !catalog.isFetching && settings.analyzer !== 'bedrock' && (
        <p className="small muted">
          Choose Amazon Bedrock above, or press Refresh list, to see the models this account can use.
        </p>
      )}
    </>
  );
}
