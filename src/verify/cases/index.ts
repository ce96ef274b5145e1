import type { VerifyCase } from '../types.ts';
import { articleChainTail } from './articleChainTail.ts';
import { articleColdStart } from './articleColdStart.ts';
import { articleLatencyOptimised } from './articleLatencyOptimised.ts';
import { articleManagedMedian } from './articleManagedMedian.ts';
import { burst } from './burst.ts';
import { chainCold } from './chainCold.ts';
import { clientTimeout } from './clientTimeout.ts';
import { cpuScaling } from './cpuScaling.ts';
import { erlangBCase } from './erlangB.ts';
import { erlangB50 } from './erlangB50.ts';
import { fanOut } from './fanOut.ts';
import { hedging } from './hedging.ts';
import { hybridKeepAlive } from './hybridKeepAlive.ts';
import { instanceQueues } from './instanceQueues.ts';
import { keepAlive } from './keepAlive.ts';
import { kpaSettle } from './kpaSettle.ts';
import { littlesLaw } from './littlesLaw.ts';
import { md1 } from './md1.ts';
import { mg1 } from './mg1.ts';
import { mm1 } from './mm1.ts';
import { mm1Ps } from './mm1ps.ts';
import { mm50 } from './mm50.ts';
import { mmc } from './mmc.ts';
import { patience } from './patience.ts';
import { retries } from './retries.ts';
import { setup } from './setup.ts';
import { tailAtScale } from './tailAtScale.ts';

/** The built-in suite, in the order it runs and prints: theory first, then the article. */
export const VERIFY_CASES: readonly VerifyCase[] = [
  mm1,
  mm1Ps,
  instanceQueues,
  mmc,
  mm50,
  md1,
  mg1,
  erlangBCase,
  erlangB50,
  patience,
  setup,
  keepAlive,
  hybridKeepAlive,
  burst,
  kpaSettle,
  fanOut,
  tailAtScale,
  hedging,
  retries,
  clientTimeout,
  cpuScaling,
  chainCold,
  littlesLaw,
  articleManagedMedian,
  articleColdStart,
  articleLatencyOptimised,
  articleChainTail,
];
