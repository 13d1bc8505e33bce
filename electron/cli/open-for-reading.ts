import { Engine, teamChoice } from '../engine';
import { openLibraryStore, type LibraryStore } from '../store';
import { teamOpenedLine } from './team-option';

/** The local library, or this machine's copy of the team library brought up to date with the server first. */
export async function openForReading(
  dataDir: string,
  flag?: string,
): Promise<{ store: LibraryStore; close: () => Promise<void> }> {
  const team = teamChoice(dataDir, flag);
  if (!team) {
    const store = await openLibraryStore(dataDir);
    return { store, close: () => store.close() };
  }
  const engine = await Engine.open({ dataDir, teamDb: team });
  await engine.team?.sync();
  const opened = teamOpenedLine(engine);
  if (opened) console.error(opened);
  return { store: engine.store, close: () => engine.close() };
}

/** openForReading, or null once the reason it could not be opened is said (the command then exits 3). */
export async function openForReadingOrSay(
  dataDir: string,
  flag?: string,
): Promise<{ store: LibraryStore; close: () => Promise<void> } | null> {
  try {
    return await openForReading(dataDir, flag);
  } catch (error) {
    console.error(`swatchbook: cannot open the library in ${dataDir}: ${(error as Error).message}`);
    return null;
  }
}
