import { useState } from 'react';
import type { AnalysisTarget } from '../api';
import { AnalyseDialog } from './AnalyseDialog';

interface AnalyseButtonProps {
  target: AnalysisTarget;
  /** What the target is, in the user's words: the selected images or every result of the search. */
  scope: 'selection' | 'search';
}

/** "Analyse with AI…": the estimate first, then the run, never a surprise bill. */
export function AnalyseButton({ target, scope }: AnalyseButtonProps) {
  // The target is fixed when the dialog opens: the estimate must describe what Confirm starts.
  const [openTarget, setOpenTarget] = useState<AnalysisTarget | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpenTarget(target)}
        data-testid={`analyse-${scope}`}
        title={
          scope === 'selection'
            ? 'Analyse the selected images with a model'
            : 'Analyse every result of this search with a model'
        }
      >
        Analyse with AI…
      </button>
      {openTarget && <AnalyseDialog target={openTarget} scope={scope} onClose={() => setOpenTarget(null)} />}
    </>
  );
}
