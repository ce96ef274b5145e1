import type { Distribution } from '../random/distribution.ts';
import type { Rng } from '../random/rng.ts';

/**
 * One direction of a network hop: a latency distribution, and optionally a
 * loss probability per packet exchange with TCP-like retransmission (each
 * loss waits the timeout, doubling for each further loss of the same send).
 */
export class Hop {
  constructor(
    readonly latency: Distribution,
    readonly rng: Rng,
    readonly lossProbability = 0,
    readonly retransmitTimeout = 0,
  ) {}

  sample(): number {
    let d = this.latency.sample(this.rng);
    if (this.lossProbability > 0) {
      let rto = this.retransmitTimeout;
      // Capped at 8 losses: a connection would be declared dead before that,
      // and an uncapped loop could run away on a probability near 1.
      for (let i = 0; i < 8 && this.rng() < this.lossProbability; i++) {
        d += rto;
        rto *= 2;
      }
    }
    return d;
  }
}

/** A hop that takes no time (e.g. no gateway, or a caller inside the cloud). */
export const NO_HOP: Pick<Hop, 'sample'> = { sample: () => 0 };
