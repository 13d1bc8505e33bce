import { useErrors } from '../api';
import { FailureList } from './FailureList';
import { basename } from './format';

/** Files the library could not ingest, each with the reason. */
export function ErrorList() {
  const errors = useErrors();
  const failures = errors.data?.map((error) => ({
    key: error.path,
    name: basename(error.path),
    title: error.path,
    reason: error.reason,
    detail: <div className="small muted path">{error.path}</div>,
  }));
  return (
    <FailureList
      title="Files that could not be read"
      testId="error-list"
      itemTestId="error-item"
      loading={errors.isLoading}
      error={errors.error}
      failures={failures}
    />
  );
}
