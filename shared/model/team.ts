import { z } from 'zod';

/**
 * What a person may do in a team library, granted by its admin in the database (see the README):
 * a member browses and searches; a reviewer also reviews, tags, collects, analyses and makes ads;
 * an admin also adds and removes folders and sets the team's budget.
 */
export const TEAM_ROLES = ['member', 'reviewer', 'admin'] as const;
export const TeamRole = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof TeamRole>;

/** Whether `role` includes what `needed` allows. */
export function roleAllows(role: TeamRole, needed: TeamRole): boolean {
  return TEAM_ROLES.indexOf(role) >= TEAM_ROLES.indexOf(needed);
}

/** The team's one monthly budget for model calls, set by an admin; spend counts everyone's calls. */
export const TeamBudget = z.object({
  monthlyUsd: z.number().min(0).max(1_000_000),
  /** Who set it, as the team's log names them. */
  setBy: z.string(),
  at: z.number(),
});
export type TeamBudget = z.infer<typeof TeamBudget>;

/** One person's model calls this month in a team library, as the team's log records them. */
export const PersonSpend = z.object({ name: z.string(), calls: z.number().int(), costUsd: z.number() });
export type PersonSpend = z.infer<typeof PersonSpend>;

/** The Usage page in a team library: the team's budget and who spent what of it. */
export const TeamSpend = z.object({
  budget: TeamBudget.nullable(),
  /** Everyone's spend this month, most first; null when the server cannot be asked now. */
  people: z.array(PersonSpend).nullable(),
});
export type TeamSpend = z.infer<typeof TeamSpend>;

/**
 * A team library as this machine sees it: which server, whether it is reachable, and what waits
 * to be sent. `offline` keeps browsing and recording on the local copy; changes made meanwhile
 * are kept on disk and sent, in order and once, when the server is back.
 */
export const TeamStatus = z.object({
  /** The server's URL with any password left out. */
  server: z.string(),
  connection: z.enum(['connecting', 'online', 'offline']),
  /** Why it is offline, in the server's or the network's words; null when online. */
  reason: z.string().nullable(),
  /** Changes made here that the server has not taken yet. */
  pending: z.number().int().min(0),
  /** The last change of the team's log this copy has (its position in the server's order). */
  teamSeq: z.number().int().min(0),
  /** When the server last answered (ms since the epoch); null if never in this run. */
  lastContactAt: z.number().nullable(),
  /** This person's role, as the server last said (kept for offline use). */
  role: TeamRole,
});
export type TeamStatus = z.infer<typeof TeamStatus>;

/** A library folder of the team and where this machine has it (a share mounts at different paths on different machines). */
export const TeamFolder = z.object({
  name: z.string(),
  /** Where the member who added it has it: used here too unless this machine says otherwise. */
  defaultPath: z.string(),
  /** Where this machine has it, when not at the default path. */
  localPath: z.string().nullable(),
  /** Whether that path is there on this machine now. */
  reachable: z.boolean(),
});
export type TeamFolder = z.infer<typeof TeamFolder>;

/** Where the team library this run opened was chosen. */
export const TEAM_CHOICE_SOURCES = ['flag', 'env', 'settings'] as const;

/** Settings → Team library: what this run opened, how it is doing, and what the next start opens. */
export const TeamLibraryInfo = z.object({
  /** The team library this run opened (server, password left out) and where that was chosen; null: the local library. */
  open: z.object({ server: z.string(), source: z.enum(TEAM_CHOICE_SOURCES) }).nullable(),
  status: TeamStatus.nullable(),
  /** The team library Settings hold for the next start; null: the local library. */
  saved: z.string().nullable(),
  /** The next start (without a flag or SWATCHBOOK_TEAM_DB) opens another library than this run. */
  restartNeeded: z.boolean(),
  /** The team's folders and where this machine has them (empty for a library of one's own). */
  folders: z.array(TeamFolder),
  /**
   * A folder was given another path on this machine: the next start writes this machine's copy anew
   * from the team's server at the new paths.
   */
  rewriteDue: z.boolean(),
});
export type TeamLibraryInfo = z.infer<typeof TeamLibraryInfo>;
