import { percent } from '../components/format';

/** How sure the analyzer says it is about one field, 0 to 1. */
export function ConfidenceMeter({ value, label }: { value: number; label: string }) {
  return (
    <span className="confidence" title={`Confidence ${percent(value)}`}>
      <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={value} aria-label={`${label} confidence`} />
      <span className="small muted">{percent(value)}</span>
    </span>
  );
}
