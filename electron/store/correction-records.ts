import type { CorrectionRecords } from './library-store';
import type { RecordAccess } from './record-access';

/** The append-only log of people's corrections of local labels, and what stands per asset. */
export function correctionRecords({ state, mutate }: RecordAccess): CorrectionRecords {
  const { corrections } = state;
  return {
    recordLabelCorrections: (records) =>
      void mutate({ type: 'recordLabelCorrections', corrections: structuredClone(records) }),
    correctionHistory: (hash) => structuredClone([...corrections.history(hash)]),
    listLabelCorrections: () => structuredClone(corrections.corrections),
    correctedHashes: () => [...corrections.correctedHashes()],
    standingCorrections: (hash) => structuredClone(corrections.standing(hash)),
  };
}
