import type { Kysely } from 'kysely';
import { type AppendOutcome, appendCheckpointCommands, type CommandToLog } from '../../store/checkpoints.js';
import type { Database } from '../../store/schema.js';

interface Waiting {
  entry: CommandToLog;
  resolve(outcome: AppendOutcome): void;
  reject(error: unknown): void;
}

/**
 * Logs the accepted commands of every room of this instance in batches (group commit): the commands
 * accepted while the sockets' messages of one turn of the event loop are handled are written
 * together right after it, and while one batch is being written, the next gathers. So a quiet room's
 * command is written at once and a busy server writes many rooms' commands in one statement — on
 * PGlite too, whose statements run synchronously and would otherwise never let a batch gather. Each
 * room still has at most one command in flight, so a batch never holds two commands competing for
 * the same version.
 */
export class CommandWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly notify: boolean,
    private readonly maxBatch = 200,
  ) {}

  /** Resolves once the command is in the log (or its version was taken), rejects when the write failed. */
  append(entry: CommandToLog): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const outcomes = await appendCheckpointCommands(
          this.db,
          batch.map((waiting) => waiting.entry),
          this.notify,
        );
        for (const [index, waiting] of batch.entries()) waiting.resolve(outcomes[index] ?? 'conflict');
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        // One bad entry must not fail the other rooms' commands: write them one by one.
        else for (const waiting of batch) await this.writeAlone(waiting);
      }
    }
    this.writing = false;
  }

  private async writeAlone(waiting: Waiting): Promise<void> {
    try {
      const [outcome] = await appendCheckpointCommands(this.db, [waiting.entry], this.notify);
      waiting.resolve(outcome ?? 'conflict');
    } catch (error) {
      waiting.reject(error);
    }
  }
}
