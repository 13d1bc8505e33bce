import type { FileError } from '../../shared/model';
import { useErrors } from '../api';
import { FailureList } from './FailureList';
import { basename } from './format';

/** What each kind of failure means for the user: whether the file is to blame, and what happens next. */
const KIND_NOTES: Record<FileError['kind'], string> = {
  file: 'The file itself: it stays failed until it changes.',
  environment:
    'Not the file: this computer or its share failed. It is read again once that recovers, or at the next scan.',
};

/** Files the library could not ingest, each with the reason and whether the file or the machine failed. */
export function ErrorList() {
  const errors = useErrors();
  const failures = errors.data?.map((error) => ({
    key: error.path,
    name: basename(error.path),
    title: error.path,
    reason: error.reason,
    detail: (
      <div className="small muted path" data-kind={error.kind} data-testid="error-kind">
        {KIND_NOTES[error.kind]} {error.path}
      </div>
    ),
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
