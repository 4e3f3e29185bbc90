import { EventEmitter } from 'node:events';

/** What changed in the store, for pages that update live. */
export interface LiveUpdate {
  kind: 'events';
  /** How many events the ingestion stored and from which source. */
  stored: number;
  source: string;
  at: string;
}

/** In-process fan-out of store changes to the server-sent event streams of this instance. */
export class LiveUpdates {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(update: LiveUpdate): void {
    this.emitter.emit('update', update);
  }

  subscribe(listener: (update: LiveUpdate) => void): () => void {
    this.emitter.on('update', listener);
    return () => this.emitter.off('update', listener);
  }
}
