export { ApiProvider, useApi, useTransport } from './ApiProvider';
export { ApiError, type MediaKind, type DesktopAbilities } from './transport';
export * from './queries';
export * from './analysis-queries';
export { useApiMutation } from './mutations';
export { queryKeys } from './query-keys';
