// The stream of what happens to operations, for every open dashboard: numbered events kept for a while, so a
// browser that reconnects gets what it missed. Ids carry this process's epoch: after a restart the numbers
// start again, and a browser holding an older id is told to read everything afresh.
import { randomBytes } from 'node:crypto';

export interface OperationEvent {
  id: string;
  /** `operation`: a summary changed; `settled`: items settled; `reset`: read everything again. */
  type: 'operation' | 'settled' | 'reset';
  data: unknown;
}

const KEPT = 5_000;

export class OperationEvents {
  private readonly epoch = randomBytes(4).toString('hex');
  private seq = 0;
  private readonly kept: OperationEvent[] = [];
  private readonly listeners = new Set<(event: OperationEvent) => void>();

  publish(type: 'operation' | 'settled', data: unknown): void {
    this.seq += 1;
    const event: OperationEvent = { id: `${this.epoch}.${this.seq}`, type, data };
    this.kept.push(event);
    if (this.kept.length > KEPT) this.kept.splice(0, this.kept.length - KEPT);
    for (const listener of this.listeners) listener(event);
  }

  /** What a browser that last saw `lastId` missed; a `reset` when that cannot be told. */
  since(lastId: string | undefined): OperationEvent[] {
    if (lastId === undefined || lastId === '') return [];
    const [epoch, seqText] = lastId.split('.');
    const seq = Number(seqText);
    const oldest = this.kept[0];
    const oldestSeq = oldest === undefined ? this.seq + 1 : Number(oldest.id.split('.')[1]);
    if (epoch !== this.epoch || !Number.isInteger(seq) || seq > this.seq || seq + 1 < oldestSeq) {
      return [{ id: `${this.epoch}.${this.seq}`, type: 'reset', data: {} }];
    }
    return this.kept.filter((event) => Number(event.id.split('.')[1]) > seq);
  }

  subscribe(listener: (event: OperationEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
