import { describe, expect, it } from 'vitest';
import { folderStateLabel, folderStateLabels } from '../../../../renderer/library/folder-state';

describe('folderStateLabel', () => {
  const now = new Date(2026, 11, 7, 15, 0).getTime();

  it('says nothing for a folder that is fine', () => {
    expect(folderStateLabel({ state: 'ok', since: null }, now)).toBeNull();
  });

  it('says "offline since" the time today, or the date and time before today', () => {
    const today = new Date(2026, 11, 7, 14, 32).getTime();
    expect(folderStateLabel({ state: 'missing', since: today }, now)).toBe(
      `offline since ${new Date(today).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`,
    );
    const earlier = folderStateLabel({ state: 'missing', since: new Date(2026, 11, 3, 9, 10).getTime() }, now);
    expect(earlier).toMatch(/^offline since .*2026/);
  });

  it('says "offline" for a folder that went offline before the time was kept', () => {
    expect(folderStateLabel({ state: 'missing' }, now)).toBe('offline');
    expect(folderStateLabel({ state: 'missing', since: null }, now)).toBe('offline');
  });

  it('labels only the folders that are not fine', () => {
    const labels = folderStateLabels(
      [
        { path: '/a', addedAt: 0, state: 'ok', error: null },
        { path: '/b', addedAt: 0, state: 'missing', error: 'gone', since: null },
      ],
      now,
    );
    expect([...labels]).toEqual([['/b', 'offline']]);
  });
});
