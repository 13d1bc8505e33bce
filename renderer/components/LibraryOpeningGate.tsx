import type { ReactNode } from 'react';
import { useLibraryOpening } from '../api';
import { LibraryOpeningScreen } from './LibraryOpeningScreen';

/**
 * Shows how far the library has got opening, and the app itself once it is open. Nothing is shown
 * for the moment the first answer takes, so an open library does not flash a progress screen.
 */
export function LibraryOpeningGate({ children }: { children: ReactNode }) {
  const { data, error } = useLibraryOpening();
  if (data?.state === 'ready') return children;
  if (data) return <LibraryOpeningScreen opening={data} />;
  if (error) return <LibraryOpeningScreen opening={{ state: 'failed', error: error.message }} />;
  return null;
}
