export { ApiProvider, useApi, useTransport } from './ApiProvider';
export * from './queries';
export * from './analysis-queries';
export * from './review-queries';
export * from './ads-queries';
export * from './team-queries';
export { useReviewWrites } from './review-writes';
export { useApiMutation } from './mutations';
export { queryKeys } from './query-keys';
