/**
 * The team database's schema, one step per version, oldest first. Each step runs once, at
 * connect, in the transaction that records it; a shipped step is never edited (a change is a
 * new step), so every member's app brings the database to the same shape.
 */
export interface TeamMigration {
  version: number;
  name: string;
  sql: string;
}

export const TEAM_MIGRATIONS: readonly TeamMigration[] = [
  {
    version: 1,
    name: 'members, shared folders and the change log',
    sql: `
      -- Which team library this is: a member's local copy is kept under this id, so a database
      -- dropped and made anew under the same name is never mistaken for the old one.
      CREATE TABLE team_library (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO team_library DEFAULT VALUES;

      -- Who is in the team and what they may do (enforced in the database as well as in the app).
      CREATE TABLE team_members (
        name text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('member', 'reviewer', 'admin')),
        added_at timestamptz NOT NULL DEFAULT now()
      );

      -- A library folder registered once for the team, under a name; each machine maps the name
      -- to where it mounts the share (a Windows share, a macOS volume), and records keep paths
      -- relative to it.
      CREATE TABLE shared_folders (
        name text PRIMARY KEY,
        default_path text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now()
      );

      -- Every change to the shared library, in the order the server took it: members replay it
      -- into their local copy, all but the ones their own machine (origin) made and applied. The id
      -- is made on the member's machine, so a change sent twice (a dropped connection) is taken once.
      CREATE TABLE team_changes (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        origin text NOT NULL,
        author text NOT NULL,
        change jsonb NOT NULL,
        made_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );

      -- Who is reading which file of a shared folder, so each file is ingested once for the team:
      -- a machine claims a file before reading it; another machine finding the same file leaves it
      -- (the result arrives in the change log) unless the file changed or the claim's lease ran out
      -- (the claimer went away mid-read). 'done' once the claimer recorded it.
      CREATE TABLE ingest_claims (
        path text PRIMARY KEY,
        file_size bigint NOT NULL,
        mtime_ms double precision NOT NULL,
        claimed_by text NOT NULL,
        author text NOT NULL,
        state text NOT NULL CHECK (state IN ('claimed', 'done')),
        lease_until timestamptz NOT NULL
      );

      -- Which reviewer has which item open (a short lease, renewed while open), so two reviewers of
      -- one queue are not handed the same item; an expired lease is anybody's.
      CREATE TABLE review_leases (
        hash text PRIMARY KEY,
        reviewer text NOT NULL,
        origin text NOT NULL,
        until timestamptz NOT NULL
      );

      -- Members listening are told the newest seq of each batch taken.
      CREATE FUNCTION notify_team_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('swatchbook_team_changes', (SELECT max(seq) FROM taken)::text);
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER team_changes_notify AFTER INSERT ON team_changes
        REFERENCING NEW TABLE AS taken FOR EACH STATEMENT EXECUTE FUNCTION notify_team_changes();
    `,
  },
];

export const TEAM_SCHEMA_VERSION = TEAM_MIGRATIONS[TEAM_MIGRATIONS.length - 1].version;
