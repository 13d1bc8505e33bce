import type { ReactNode } from 'react';

interface SettingRowProps {
  label: string;
  /** The id of the control the label names. */
  htmlFor?: string;
  hint?: ReactNode;
  status?: string | null;
  error?: string | null;
  children: ReactNode;
}

/** A labelled setting with its hint, its save status and its error, each tied to the control. */
export function SettingRow({ label, htmlFor, hint, status, error, children }: SettingRowProps) {
  return (
    <div className="setting-row">
      <label className="setting-label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="setting-control">
        {children}
        {status && (
          <span className="small muted setting-status" role="status">
            {status}
          </span>
        )}
        {error && (
          <div className="error-text small" role="alert" id={htmlFor && `${htmlFor}-error`}>
            {error}
          </div>
        )}
        {hint && <div className="small muted">{hint}</div>}
      </div>
    </div>
  );
}
