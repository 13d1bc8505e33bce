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
  {
    version: 2,
    name: 'roles: member, reviewer, admin',
    sql: `
      -- People are given roles of the database server, one group role per team library (roles
      -- belong to the whole server, which may hold several team libraries): <database>_member,
      -- <database>_reviewer, <database>_admin. The database's owner is an admin.
      DROP TABLE team_members;
      DO $roles$
      DECLARE
        name text;
      BEGIN
        FOREACH name IN ARRAY ARRAY['member', 'reviewer', 'admin'] LOOP
          BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', current_database() || '_' || name);
          EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- made by an earlier database of the same name, or by a member connecting at the same time
          END;
        END LOOP;
      END
      $roles$;

      -- The role of whoever is connected: what the app shows and the policies below check.
      CREATE FUNCTION swatchbook_role() RETURNS text LANGUAGE sql STABLE AS $$
        SELECT CASE
          WHEN pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER')
            OR pg_has_role(current_user, current_database() || '_admin', 'MEMBER') THEN 'admin'
          WHEN pg_has_role(current_user, current_database() || '_reviewer', 'MEMBER') THEN 'reviewer'
          WHEN pg_has_role(current_user, current_database() || '_member', 'MEMBER') THEN 'member'
          ELSE 'none'
        END
      $$;

      -- Changes only an admin makes: the team's folders and its budget.
      CREATE FUNCTION swatchbook_admin_change(change jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT change->>'type' IN ('addFolder', 'removeFolder', 'setTeamBudget')
      $$;

      ALTER TABLE team_changes ENABLE ROW LEVEL SECURITY;
      CREATE POLICY read_changes ON team_changes FOR SELECT USING (true);
      CREATE POLICY write_changes ON team_changes FOR INSERT WITH CHECK (
        swatchbook_role() = 'admin' OR (swatchbook_role() = 'reviewer' AND NOT swatchbook_admin_change(change))
      );

      DO $grants$
      DECLARE
        db text := current_database();
      BEGIN
        EXECUTE format('GRANT SELECT ON swatchbook_schema, team_library, shared_folders, team_changes,
          ingest_claims, review_leases TO %I, %I, %I', db || '_member', db || '_reviewer', db || '_admin');
        EXECUTE format('GRANT INSERT ON team_changes TO %I, %I', db || '_reviewer', db || '_admin');
        EXECUTE format('GRANT USAGE ON SEQUENCE team_changes_seq_seq TO %I, %I', db || '_reviewer', db || '_admin');
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON ingest_claims, review_leases TO %I, %I',
          db || '_reviewer', db || '_admin');
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON shared_folders TO %I', db || '_admin');
      END
      $grants$;
    `,
  },
  {
    version: 3,
    name: "the team's spend by person",
    sql: `
      -- Who spent what this month is read from the log's model calls; an index keeps that quick.
      CREATE INDEX team_changes_model_calls ON team_changes (made_at) WHERE change->>'type' = 'recordInvocation';
    `,
  },
];

export const TEAM_SCHEMA_VERSION = TEAM_MIGRATIONS[TEAM_MIGRATIONS.length - 1].version;
