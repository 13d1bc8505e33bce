import { percent } from './format';

/** A bar of `value` out of `max`, named for assistive technology; `running` animates it while work goes on. */
export function ProgressMeter(props: { label: string; value: number; max: number; running: boolean; testId?: string }) {
  const { label, value, max, running, testId } = props;
  return (
    <div
      className={`progress${running ? ' running' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      data-testid={testId}
    >
      <div className="progress-fill" style={{ width: percent(max > 0 ? value / max : 0) }} />
    </div>
  );
}
