import { enumOf, object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis } from './common.ts';

export const keepAliveCost = chartOptionsKind(
  'keepAliveCost',
  object({
    x: optional(axis).describe(
      'The keep-alive or warmer period axis (default: the first numeric axis named like one: keep-alive, warm, idle, period, interval, ttl)',
    ),
    cost: optional(enumOf(['memory', 'warmers', 'usdPerMillionRoots', 'usd'])).describe(
      'The cost drawn: `"memory"`, GB-seconds kept alive per request (the default without warmers); `"warmers"`, the pings\' cost per month (the default with them); `"usdPerMillionRoots"`, the bill per million requests; `"usd"`, the bill of the run',
    ),
  }),
);
