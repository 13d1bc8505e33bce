import type { AvailableModel } from '../../shared/model';

/** The account's vision models with their lifecycle; legacy and unknown ids carry their warning in full. */
export function AvailableModelList({ models }: { models: AvailableModel[] }) {
  if (models.length === 0)
    return <p className="small muted">No vision models are offered to this account in this region.</p>;
  return (
    <ul className="available-models" data-testid="available-models">
      {models.map((model) => (
        <li
          key={model.id}
          data-testid="available-model"
          data-lifecycle={model.lifecycle}
          className={model.warning ? 'has-warning' : undefined}
        >
          <div className="available-model-name">
            <span>{model.name}</span> {model.name !== model.id && <code>{model.id}</code>}
          </div>
          <span className="small muted">
            {model.kind === 'inference-profile' ? 'inference profile' : model.provider}
          </span>
          <span className={`status-badge ${model.lifecycle === 'ACTIVE' ? 'ok' : 'warning'}`}>
            {model.lifecycle.toLowerCase()}
          </span>
          {model.warning && <div className="small warning-text available-model-warning">{model.warning}</div>}
        </li>
      ))}
    </ul>
  );
}
