/**
 * A real PostgreSQL server for tests: Debian's `postgresql` binaries, a throwaway cluster in a
 * temp folder on a free loopback port, started and stopped by the test that needs it. initdb
 * refuses to run as root, so on a root CI machine the cluster runs as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A URL for `database` on this server, as a user would give it. */
  url(database: string): string;
  /** A fresh, empty database (one per test that writes): its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server at once (as a crash or a power cut would) and keeps the data folder. */
  kill(): void;
  /** Starts it again on the same port, with the same data. */
  restart(): void;
  stop(): void;
}

const SUPERUSER = 'swatchbook';

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinaries();
  const root = mkdtempSync(path.join(os.tmpdir(), 'swatchbook-pg-'));
  const asPostgres = process.getuid?.() === 0;
  if (asPostgres) chownSync(root, idOf('postgres', '-u'), idOf('postgres', '-g'));
  const data = path.join(root, 'data');
  const run = (tool: string, args: string[]) => {
    const command = asPostgres ? ['runuser', '-u', 'postgres', '--', path.join(bin, tool)] : [path.join(bin, tool)];
    const result = spawnSync(command[0], [...command.slice(1), ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
  const start = () => run('pg_ctl', ['-D', data, '-l', path.join(root, 'server.log'), '-o', options, '-w', 'start']);
  start();
  let databases = 0;
  const url = (database: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase() {
      const name = `team_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    kill: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    restart: start,
    stop() {
      if (existsSync(path.join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The folder holding initdb and pg_ctl: Debian's newest under /usr/lib/postgresql, else on PATH. */
function postgresBinaries(): string {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length > 0) return path.join(debian, versions[0], 'bin');
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return path.dirname(onPath);
  throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does)');
}

/** A user's numeric user (`-u`) or group (`-g`) id. */
const idOf = (user: string, which: '-u' | '-g') =>
  Number(execFileSync('id', [which, user], { encoding: 'utf8' }).trim());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
