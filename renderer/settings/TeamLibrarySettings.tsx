import { useId, useState, type FormEvent } from 'react';
import { ROLE_DESCRIPTIONS } from '../../shared/api';
import type { TeamLibraryInfo, TeamStatus } from '../../shared/model';
import { useSetTeamLibrary, useTeamLibrary } from '../api';
import { changesWaiting, connectionLabel, connectionTone, lastContactLabel } from '../components/team-status';
import { SettingRow } from './SettingRow';
import { TeamFolders } from './TeamFolders';

type ChoiceSource = NonNullable<TeamLibraryInfo['open']>['source'];

const ROLE_NAMES: Record<TeamStatus['role'], string> = { member: 'Member', reviewer: 'Reviewer', admin: 'Admin' };

const SOURCE_LABELS: Record<ChoiceSource, string> = {
  flag: 'from --team-db',
  env: 'from SWATCHBOOK_TEAM_DB',
  settings: 'from Settings',
};

/** How the open team library is doing: connection, what waits to be sent, when the server last answered. */
function TeamConnection({ status }: { status: TeamStatus }) {
  const contact = lastContactLabel(status.lastContactAt);
  return (
    <>
      <dt>Connection</dt>
      <dd data-testid="team-connection" data-connection={status.connection}>
        <span className={`status-badge ${connectionTone(status.connection) ?? ''}`}>
          {connectionLabel(status.connection)}
        </span>
        {status.reason && <div className="small warning-text">{status.reason}</div>}
      </dd>
      <dt>Your role</dt>
      <dd data-testid="team-role">
        <strong>{ROLE_NAMES[status.role]}</strong>: {ROLE_DESCRIPTIONS[status.role]}
      </dd>
      <dt>Waiting to be sent</dt>
      <dd data-testid="team-pending">{status.pending > 0 ? changesWaiting(status.pending) : 'Nothing'}</dd>
      <dt>Last contact</dt>
      <dd>{contact ?? 'Not yet in this run'}</dd>
    </>
  );
}

/** What this run opened and what the next start opens. */
function OpenLibrary({ info }: { info: TeamLibraryInfo }) {
  return (
    <dl className="team-facts">
      <dt>Open now</dt>
      <dd data-testid="team-open">
        {info.open ? (
          <>
            Team library <code>{info.open.server}</code>{' '}
            <span className="muted">({SOURCE_LABELS[info.open.source]})</span>
          </>
        ) : (
          'Local library'
        )}
      </dd>
      {info.status && <TeamConnection status={info.status} />}
      <dt>Chosen in Settings</dt>
      <dd data-testid="team-saved">{info.saved ? <code>{info.saved}</code> : 'The local library'}</dd>
    </dl>
  );
}

/**
 * Settings → Team library. A choice is tested against the server before it is saved, and opens at
 * the next start: the library open now stays open, so the page says when a restart is due.
 */
export function TeamLibrarySettings() {
  const team = useTeamLibrary();
  const choose = useSetTeamLibrary();
  const [url, setUrl] = useState('');
  const id = useId();
  const info = team.data;
  const connecting = choose.isPending && choose.variables.url !== null;

  const connect = (event: FormEvent) => {
    event.preventDefault();
    choose.mutate({ url: url.trim() }, { onSuccess: () => setUrl('') });
  };

  return (
    <section className="settings-section" aria-labelledby="team-library-title" data-testid="team-library-settings">
      <h2 id="team-library-title">Team library</h2>
      <p className="small muted">
        A library shared through a PostgreSQL server: this computer keeps a copy, works from it while the server is
        away, and sends its changes when it is back.
      </p>
      {team.isLoading && <p className="muted">Loading…</p>}
      {team.error && <p className="error-text">Could not read the team library: {team.error.message}</p>}
      {info && <OpenLibrary info={info} />}
      {info && <TeamFolders folders={info.folders} rewriteDue={info.rewriteDue} />}
      {info?.restartNeeded && (
        <p className="callout" role="status" data-testid="team-restart">
          {choose.isSuccess && 'Saved. '}Restart Swatchbook to open {info.saved ? 'it' : 'the local library'}.
        </p>
      )}
      {info?.open && info.open.source !== 'settings' && (
        <p className="small muted" data-testid="team-override">
          This run’s team library comes {SOURCE_LABELS[info.open.source]}, which overrides Settings: what Settings
          choose opens when Swatchbook starts without it.
        </p>
      )}
      <form onSubmit={connect}>
        <SettingRow
          label="Team library URL"
          htmlFor={id}
          status={connecting ? 'Testing the connection…' : choose.isSuccess && !info?.restartNeeded ? 'Saved' : null}
          error={choose.error?.message}
          hint={
            <>
              The password goes in <code>~/.pgpass</code> or the PGPASSWORD environment variable, never in Settings. The
              --team-db flag or SWATCHBOOK_TEAM_DB overrides what Settings choose.
            </>
          }
        >
          <input
            id={id}
            type="text"
            className="setting-input wide"
            value={url}
            placeholder="postgres://you@server:5432/swatchbook"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={choose.error ? true : undefined}
            aria-describedby={choose.error ? `${id}-error` : undefined}
            onChange={(e) => setUrl(e.target.value)}
            data-testid="team-url"
          />
          <button type="submit" disabled={!url.trim() || choose.isPending} data-testid="team-connect">
            {connecting ? 'Connecting…' : 'Connect'}
          </button>
        </SettingRow>
      </form>
      {info?.saved && (
        <p>
          <button
            type="button"
            className="compact"
            disabled={choose.isPending}
            onClick={() => choose.mutate({ url: null })}
            data-testid="team-use-local"
          >
            Use the local library instead
          </button>
        </p>
      )}
    </section>
  );
}
