import { METHOD_ROLES, ROLE_DESCRIPTIONS, type ApiMethod } from '../../shared/api';
import { ForbiddenError } from '../../shared/errors';
import { roleAllows, type TeamRole } from '../../shared/model/team';
import type { Handlers } from './handlers';

/**
 * Refuses, before anything changes, a call the person's role in the team library does not allow
 * (see METHOD_ROLES); `role` is null in a library of one's own, where everything is allowed.
 */
export function withTeamRights(api: Handlers<ApiMethod>, role: () => TeamRole | null): Handlers<ApiMethod> {
  const guarded: Record<string, (input: never) => Promise<unknown>> = { ...api };
  for (const [method, needed] of Object.entries(METHOD_ROLES) as [ApiMethod, TeamRole][]) {
    const handler = api[method] as (input: never) => Promise<unknown>;
    guarded[method] = async (input) => {
      const current = role();
      if (current && !roleAllows(current, needed)) throw new ForbiddenError(refusal(current, needed));
      return handler(input);
    };
  }
  return guarded as Handlers<ApiMethod>;
}

function refusal(role: TeamRole, needed: TeamRole): string {
  return (
    `This needs the ${needed} role in the team library; yours is ${role} (${ROLE_DESCRIPTIONS[role]}). ` +
    `Ask the team's admin for the ${needed} role.`
  );
}
