import { useMutation, useQueryClient } from '@tanstack/react-query';
import { METHOD_ROLES, ROLE_DESCRIPTIONS, type ApiInput, type ApiMethod } from '../../shared/api';
import { roleAllows } from '../../shared/model/team';
import type { TeamLibraryInfo } from '../../shared/model';
import { useApiQuery } from './api-query';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/** Which library this run opened and, for a team library, its connection; teamStatus events keep the status current. */
export function useTeamLibrary() {
  return useApiQuery(queryKeys.teamLibrary, 'teamLibrary', {});
}

/** Chooses the library the next start opens; the reply is the whole new answer, so it replaces the cached one. */
export function useSetTeamLibrary() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<TeamLibraryInfo, Error, ApiInput<'setTeamLibrary'>>({
    mutationFn: (input) => api.setTeamLibrary(input),
    onSuccess: (info) => queryClient.setQueryData(queryKeys.teamLibrary, info),
  });
}

/** Where this machine has one of the team's folders; the reply is the whole new answer. */
export function useSetTeamFolderPath() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<TeamLibraryInfo, Error, ApiInput<'setTeamFolderPath'>>({
    mutationFn: (input) => api.setTeamFolderPath(input),
    onSuccess: (info) => queryClient.setQueryData(queryKeys.teamLibrary, info),
  });
}

/**
 * Whether this person's role in the team library allows `method` (always, in a library of one's
 * own), and if not, a sentence saying why: controls are disabled with it rather than refused after.
 */
export function useTeamRight(method: ApiMethod): { allowed: boolean; why: string | null } {
  const role = useTeamLibrary().data?.status?.role;
  const needed = METHOD_ROLES[method];
  if (!role || !needed || roleAllows(role, needed)) return { allowed: true, why: null };
  return {
    allowed: false,
    why: `This needs the ${needed} role in the team library; yours is ${role} (${ROLE_DESCRIPTIONS[role]}).`,
  };
}
