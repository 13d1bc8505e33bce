export { ApiProvider, useApi, useTransport } from './ApiProvider';
export { ApiError, type MediaKind, type DesktopAbilities } from './transport';
export * from './queries';
export * from './analysis-queries';
export * from './review-queries';
export * from './ads-queries';
export { useReviewWrites, type ReviewWrites } from './review-writes';
export { useApiMutation } from './mutations';
export { queryKeys } from './query-keys';
