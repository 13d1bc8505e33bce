import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * Root reads any file whatever its mode: drop that privilege (CAP_DAC_OVERRIDE and
   * CAP_DAC_READ_SEARCH, through util-linux's setpriv) so "unreadable" means something.
   * Unlike switching to another user, the checkout stays readable wherever it lives.
   */
  withoutRootOverride?: boolean;
  timeoutMs?: number;
  onSpawn?: (child: ChildProcess) => void;
}

/** Runs `npm run index -- …` the way a user would (through tsx, no build needed), bounded in time. */
export function runIndexCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return runTsx('electron/cli/index-command.ts', args, options);
}

export function runTsx(entry: string, args: string[], options: CliOptions = {}): Promise<CliRun> {
  const command = [process.execPath, '--import', 'tsx', path.join(PROJECT_ROOT, entry), ...args];
  if (options.withoutRootOverride && process.getuid?.() === 0)
    command.unshift('setpriv', '--bounding-set=-dac_override,-dac_read_search');
  const child = spawn(command[0], command.slice(1), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
