import type { AnalysisRecords } from './library-store';
import type { RecordAccess } from './record-access';

/** Model answers, the remote-analysis jobs, the invocation log and the AI settings. */
export function analysisRecords({ state, mutate }: RecordAccess): AnalysisRecords {
  const { analysis } = state;
  return {
    getAiSettings: () => analysis.settings && structuredClone(analysis.settings),
    setAiSettings: (settings) => void mutate({ type: 'setAiSettings', settings: structuredClone(settings) }),
    getTeamBudget: () => analysis.teamBudget && { ...analysis.teamBudget },
    setTeamBudget: (budget) => void mutate({ type: 'setTeamBudget', budget: { ...budget } }),
    getReviewSummary: () => analysis.reviewSummary && { ...analysis.reviewSummary },
    setReviewSummary: (summary) => void mutate({ type: 'setReviewSummary', summary: { ...summary } }),
    listModelAnalyses: (hash) => structuredClone(analysis.list(hash)),
    findModelAnalysis: (hash, requestedModelId, promptVersion) => {
      const found = analysis.find(hash, requestedModelId, promptVersion);
      return found && structuredClone(found);
    },
    recordModelAnalysis: (a) => void mutate({ type: 'recordModelAnalysis', analysis: structuredClone(a) }),
    analysisHeads: (hash) => analysis.stored(hash).map((stored) => stored.head),
    answersVersion: () => analysis.answersVersion,
    putAnalysisJobs: (jobs) => void mutate({ type: 'putAnalysisJobs', jobs: jobs.map((j) => ({ ...j })) }),
    updateAnalysisJob: (id, patch) => void mutate({ type: 'updateAnalysisJob', id, patch: { ...patch } }),
    listAnalysisJobs: (states) => {
      const jobs = [...analysis.jobs.values()];
      return (states ? jobs.filter((j) => states.includes(j.state)) : jobs).map((j) => ({ ...j }));
    },
    removeAnalysisJobs: (ids) => void mutate({ type: 'removeAnalysisJobs', ids: [...ids] }),
    putBatchJob: (job) => void mutate({ type: 'putBatchJob', job: structuredClone(job) }),
    listBatchJobs: () => [...analysis.batchJobs.values()].map((job) => structuredClone(job)),
    recordInvocation: (invocation) => void mutate({ type: 'recordInvocation', invocation: { ...invocation } }),
    listInvocations: (sinceMs = -Infinity) =>
      analysis.invocations.filter((i) => i.at >= sinceMs).map((i) => ({ ...i })),
  };
}
