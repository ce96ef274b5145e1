import type { Distribution } from '../random/distribution.ts';
import type { Rng } from '../random/rng.ts';
import { aimStreamCursor, claimStreamState, STREAM_CURSOR } from '../random/streams.ts';
import type { Call } from './call.ts';

/**
 * A function's hops when they all draw from one stream of its own (WorldOptions.ownStreams: the
 * functions of a region): one object instead of the four Hop objects and the platform object a
 * call would otherwise reach (with 10,000 functions each is out of cache on every call; the
 * distributions are the platform's and the client's, shared by all functions and so in cache).
 * Draws exactly what those Hops draw, in the order Invoker.invoke asks them (see draw).
 */
export class OwnHops {
  /**
   * The stream's state, when it can be claimed (a stream made by createStream): the draws then
   * go through STREAM_CURSOR, not the stream's closure (two places fewer per call).
   */
  private readonly st: Float64Array | null;
  private readonly si: number;

  constructor(
    readonly rng: Rng,
    /** The client's internet hop (null: none, 0 ms). */
    readonly internet: Distribution | null,
    /** Whether a send over the internet can be lost (then lossProbability, retransmitTimeout). */
    readonly lossy: boolean,
    readonly lossProbability: number,
    readonly retransmitTimeout: number,
    /** The platform's gateway (null: none, 0 ms). */
    readonly gateway: Distribution | null,
    readonly network: Distribution,
    readonly frontEnd: Distribution,
  ) {
    const state = claimStreamState(rng);
    this.st = state === null ? null : state.slab;
    this.si = state === null ? 0 : state.index;
  }

  /** The internet hop one way, as Hop.sample draws it (latency, then the losses). */
  private internetOnce(rng: Rng): number {
    let d = this.internet === null ? 0 : this.internet.sample(rng);
    if (this.lossy) {
      let rto = this.retransmitTimeout;
      for (let i = 0; i < 8 && rng() < this.lossProbability; i++) {
        d += rto;
        rto *= 2;
      }
    }
    return d;
  }

  /**
   * The hops of one call, drawn in Invoker.invoke's order (internet out and back, gateway out
   * and back when external; network out and back; front end), written into `call`'s stages;
   * returns the delay to its pool. The same arithmetic as the invoker's path through the Hops,
   * so the same bytes out.
   */
  draw(call: Call, external: boolean): number {
    let rng = this.rng;
    if (this.st !== null) {
      aimStreamCursor(this.st, this.si);
      rng = STREAM_CURSOR;
    }
    let out = 0;
    let back = 0;
    if (external) {
      const iOut = this.internetOnce(rng);
      const iBack = this.internetOnce(rng);
      const gateway = this.gateway;
      const gOut = gateway === null ? 0 : gateway.sample(rng);
      const gBack = gateway === null ? 0 : gateway.sample(rng);
      call.internet = iOut + iBack;
      call.gateway = gOut + gBack;
      out = iOut + gOut;
      back = iBack + gBack;
    }
    const nOut = this.network.sample(rng);
    const nBack = this.network.sample(rng);
    const sched = this.frontEnd.sample(rng);
    call.network = nOut + nBack;
    call.frontEnd = sched;
    call.returnDelay = back + nBack;
    return out + nOut + sched;
  }
}
