import type { TeamSpend } from '../../shared/model/team';
import { formatUsd } from '../components/format';

function budgetText(budget: NonNullable<TeamSpend['budget']>): string {
  const when = new Date(budget.at).toLocaleDateString();
  const what = `The team’s budget of ${formatUsd(budget.monthlyUsd)} was set by ${budget.setBy} on ${when}`;
  return `${what}; everyone’s calls count towards it.`;
}

/** In a team library: whose budget it is, and each person's model calls and spend this month. */
export function TeamSpendTable({ team }: { team: TeamSpend }) {
  return (
    <section className="settings-section" aria-label="Team spend" data-testid="team-spend">
      <h2>The team this month</h2>
      <p className="muted small" data-testid="team-budget-source">
        {team.budget
          ? budgetText(team.budget)
          : 'No team budget is set yet: each machine uses its own until an admin sets one in Settings.'}
      </p>
      {team.people === null ? (
        <p className="warning-text small">
          Who spent what is read from the team’s server, which cannot be reached now.
        </p>
      ) : team.people.length === 0 ? (
        <p className="muted small">Nobody in the team has called a model this month.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Calls</th>
              <th scope="col">Spend</th>
            </tr>
          </thead>
          <tbody>
            {team.people.map((person) => (
              <tr key={person.name} data-testid="team-spend-row" data-person={person.name}>
                <th scope="row">{person.name}</th>
                <td>{person.calls.toLocaleString()}</td>
                <td>{formatUsd(person.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
