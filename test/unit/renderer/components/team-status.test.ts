import { describe, expect, it } from 'vitest';
import type { TeamStatus } from '../../../../shared/model';
import { lastContactLabel, teamStatusLabel } from '../../../../renderer/components/team-status';

const status: TeamStatus = {
  server: 'postgres://ann@db.example:5432/swatchbook',
  connection: 'online',
  reason: null,
  pending: 0,
  teamSeq: 4,
  lastContactAt: null,
  role: 'reviewer',
};

describe('the status bar’s team line', () => {
  it('says the connection, and how many changes wait only when some do', () => {
    expect(teamStatusLabel(status)).toBe('Team · online');
    expect(teamStatusLabel({ ...status, connection: 'connecting' })).toBe('Team · connecting…');
    expect(teamStatusLabel({ ...status, connection: 'offline', reason: 'refused', pending: 1 })).toBe(
      'Team · offline — 1 change waits',
    );
    expect(teamStatusLabel({ ...status, connection: 'offline', pending: 1200 })).toBe(
      'Team · offline — 1,200 changes wait',
    );
  });
});

describe('last contact', () => {
  const now = new Date(2026, 11, 3, 15, 0).getTime();

  it('is a time today, a date and time before, and nothing when the server never answered', () => {
    const earlierToday = new Date(2026, 11, 3, 9, 30).getTime();
    const yesterday = new Date(2026, 11, 2, 9, 30).getTime();
    expect(lastContactLabel(earlierToday, now)).toBe(new Date(earlierToday).toLocaleTimeString());
    expect(lastContactLabel(yesterday, now)).toBe(new Date(yesterday).toLocaleString());
    expect(lastContactLabel(null, now)).toBeNull();
  });
});
