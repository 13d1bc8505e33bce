import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const READY = /Swatchbook is running at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server wrote to stderr, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export async function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `swatchbook-e2e-${prefix}-`));
}

export interface ServerOptions {
  /** An existing data folder to serve (left in place on stop); default: a fresh temporary one. */
  dataDir?: string;
  /** A folder added to the library before serving. */
  library?: string;
  /** Extra environment for the server process (e.g. AWS endpoints pointing at the fake Bedrock). */
  env?: Record<string, string>;
  /** More `serve` options, as a user would type them (e.g. `['--team-db', url]`). */
  args?: string[];
}

/**
 * Starts the real browser-mode server (`serve` CLI) in a child process and waits for the
 * one stdout line that carries its URL.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? (await makeTempDir('data'));
  const args = ['--import', 'tsx', 'electron/cli/serve-command.ts', '--port', '0', '--data-dir', dataDir];
  if (options.library) args.push('--library', options.library);
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${START_TIMEOUT_MS} ms:\n${stderr}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = READY.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before it was ready:\n${stderr}`));
    });
  }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });

  return {
    url,
    dataDir,
    log: () => stderr,
    stop: async () => {
      await stopChild(child);
      if (!options.dataDir) await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** The standard AWS environment pointed at a fake Bedrock, as a user would set it. */
export function fakeBedrockEnv(fake: {
  runtimeEndpoint: string;
  controlEndpoint: string;
  s3Endpoint?: string;
}): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.runtimeEndpoint,
    AWS_ENDPOINT_URL_BEDROCK: fake.controlEndpoint,
    ...(fake.s3Endpoint && { AWS_ENDPOINT_URL_S3: fake.s3Endpoint }),
    AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE1234',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-fake-secret',
    AWS_REGION: 'us-east-1',
  };
}
