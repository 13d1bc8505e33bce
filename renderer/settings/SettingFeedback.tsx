/** What happened to the last change of a setting: saved (status) or refused (error, with the reason). */
export function SettingFeedback({
  status,
  error,
}: {
  status: string | null | undefined;
  error: string | null | undefined;
}) {
  return (
    <>
      {status && (
        <span className="small muted" role="status">
          {status}
        </span>
      )}
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
