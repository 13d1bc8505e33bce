import { useState } from 'react';
import { Popover } from '../components/Popover';
import { FailedJobList } from './FailedJobList';

/** "N failed" in the status bar, opening the failed analyses with their reasons. */
export function FailedJobsButton({ count }: { count: number }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      align="right"
      placement="above"
      trigger={
        <button type="button" className="warning compact" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="analysis-failures-button">
          {count} failed
        </button>
      }
    >
      <FailedJobList />
    </Popover>
  );
}
