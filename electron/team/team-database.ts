import pg from 'pg';
import { TeamRole } from '../../shared/model/team';
import { TEAM_MIGRATIONS, TEAM_SCHEMA_VERSION } from './team-schema';

/** One key for every member's migrations: two apps connecting at once migrate one after the other. */
const MIGRATION_LOCK = 0x5357_4b01;
const CONNECT_TIMEOUT_MS = 5_000;
const POOL_SIZE = 4;

/** The database was brought to a newer schema by a newer Swatchbook: this app must not write to it. */
export class TeamSchemaNewerError extends Error {
  constructor(
    readonly found: number,
    readonly understood: number,
  ) {
    super(
      `The team library was set up by a newer Swatchbook (schema ${found}; this app understands up to ` +
        `${understood}). Update Swatchbook on this machine to use it.`,
    );
  }
}

/** The server could not be reached or refused us: said with the URL's password left out. */
export class TeamDatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`Could not connect to the team library at ${withoutPassword(url)}: ${reasonOf(cause, url)}`);
  }
}

/** Connected, but the user holds no role in this team library. */
export class TeamAccessError extends Error {
  constructor(url: string, user: string, database: string) {
    super(
      `${user} is not a member of the team library at ${withoutPassword(url)}. Its admin can make you one: ` +
        `GRANT ${database}_member (browse), ${database}_reviewer or ${database}_admin TO ${user};`,
    );
  }
}

/** Connected, but the schema could not be brought up to date (rights, a clashing table): nothing was changed. */
export class TeamSchemaError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `The team library at ${withoutPassword(url)} could not be brought to schema ${TEAM_SCHEMA_VERSION} ` +
        `(nothing was changed): ${reasonOf(cause, url)}`,
    );
  }
}

/** A connection to a team library's PostgreSQL database, its schema brought up to date. */
export class TeamDatabase {
  private constructor(
    readonly pool: pg.Pool,
    /** Which team library this is (made when its schema was first applied). */
    readonly teamId: string,
    /** What the connected user may do here (see the schema's roles). */
    readonly role: TeamRole,
  ) {}

  /** Connects and applies the schema steps the database lacks; refuses a database newer than this app. */
  static async open(url: string): Promise<TeamDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // A connection the server drops emits 'error' (on the pool when idle, on the client when lent
    // out); unhandled, it would end the process. The query in flight, if any, fails on its own.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
      const { teamId, role } = await inTransaction(
        pool,
        async (client) => {
          // Someone without a role is told so before anything else (a database from before roles: after).
          const before = await roleIn(client, url);
          // Only a database behind this app is migrated (and only its owner or an admin can).
          if ((await versionIn(client)) !== TEAM_SCHEMA_VERSION) await migrate(client);
          return { teamId: await teamIdIn(client), role: before ?? (await roleIn(client, url))! };
        },
        (error) => new TeamDatabaseUnreachableError(url, error),
      );
      return new TeamDatabase(pool, teamId, role);
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof TeamSchemaNewerError || error instanceof TeamDatabaseUnreachableError) throw error;
      if (error instanceof TeamAccessError) throw error;
      throw new TeamSchemaError(url, error);
    }
  }

  async schemaVersion(): Promise<number> {
    return versionIn(this.pool);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * `work` in one transaction on one connection of `pool`, rolled back if it throws. A failure to
 * get the connection is given to `unreachable` (it is not the work's failure).
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  unreachable: (error: unknown) => Error = (error) => error as Error,
): Promise<T> {
  const client = await pool.connect().catch((error: unknown) => {
    throw unreachable(error);
  });
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  const found = await versionIn(client);
  if (found > TEAM_SCHEMA_VERSION) throw new TeamSchemaNewerError(found, TEAM_SCHEMA_VERSION);
  if (found === 0)
    await client.query(`CREATE TABLE IF NOT EXISTS swatchbook_schema (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  for (const step of TEAM_MIGRATIONS.filter((m) => m.version > found)) {
    await client.query(step.sql);
    await client.query('INSERT INTO swatchbook_schema (version, name) VALUES ($1, $2)', [step.version, step.name]);
  }
}

/** The newest schema step applied (0 before any, even before the table that records them). */
async function versionIn(db: pg.Pool | pg.PoolClient): Promise<number> {
  // Read from pg_tables, not to_regclass: the catalog cache could predate a migration committed
  // while this connection waited for the migration lock.
  const { rows: table } = await db.query<{ found: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'swatchbook_schema') AS found",
  );
  if (!table[0].found) return 0;
  const { rows } = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM swatchbook_schema');
  return rows[0].version ?? 0;
}

async function teamIdIn(client: pg.PoolClient): Promise<string> {
  return (await client.query<{ id: string }>('SELECT id FROM team_library')).rows[0].id;
}

/** The connected user's role; null in a database set up before roles. */
async function roleIn(client: pg.PoolClient, url: string): Promise<TeamRole | null> {
  const { rows: found } = await client.query<{ found: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'swatchbook_role' AND pronamespace = current_schema()::regnamespace) AS found",
  );
  if (!found[0].found) return null;
  const { rows } = await client.query<{ role: string; user: string; database: string }>(
    'SELECT swatchbook_role() AS role, current_user AS user, current_database() AS database',
  );
  const parsed = TeamRole.safeParse(rows[0].role);
  if (!parsed.success) throw new TeamAccessError(url, rows[0].user, rows[0].database);
  return parsed.data;
}

/** The URL with its password replaced: it may be shown, logged and put in errors. */
export function withoutPassword(url: string): string {
  const parsed = parsedUrl(url);
  if (!parsed) return 'an unreadable URL';
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The cause's message, with the URL's password replaced wherever the driver repeated it. */
function reasonOf(cause: unknown, url: string): string {
  const message = cause instanceof Error ? cause.message || cause.name : String(cause);
  const password = decodeURIComponent(parsedUrl(url)?.password ?? '');
  return password ? message.split(password).join('***') : message;
}

function parsedUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
