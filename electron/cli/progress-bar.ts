import path from 'node:path';
import cliProgress from 'cli-progress';

/** What a bar shows: finished of total, how fast, how long still, and on what. */
export interface BarProgress {
  done: number;
  failed: number;
  total: number;
  rate: number;
  etaSeconds: number | null;
  currentFile: string | null;
}

/** A terminal progress bar with rate, ETA and current file; plain periodic lines when not a TTY. */
export class ProgressBar {
  private readonly bar: cliProgress.SingleBar;
  private started = false;

  constructor(label = 'Ingesting', unit = 'files', stream: NodeJS.WriteStream = process.stderr) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate} ${unit}/s | ETA {eta_text} | {file}`,
        barsize: 30,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2000,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  update(progress: BarProgress): void {
    const payload = {
      rate: progress.rate.toFixed(1),
      eta_text: formatEta(progress.etaSeconds),
      file: progress.currentFile ? path.basename(progress.currentFile).slice(0, 40) : '',
    };
    const value = progress.done + progress.failed;
    if (!this.started) {
      this.bar.start(Math.max(progress.total, 1), value, payload);
      this.started = true;
    } else {
      this.bar.setTotal(Math.max(progress.total, 1));
      this.bar.update(value, payload);
    }
  }

  stop(): void {
    if (this.started) this.bar.stop();
  }
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
