import { STAGES, type Stage } from '../platform/call.ts';
import { OKABE_ITO } from './theme.ts';

/** Stage names as a reader says them, in the order a call meets them. */
export const STAGE_LABEL: Record<Stage, string> = {
  internet: 'internet',
  gateway: 'gateway',
  network: 'cloud network',
  frontEnd: 'front end',
  queue: 'queue',
  coldStart: 'cold start',
  execution: 'execution',
};

export const STAGE_ORDER: readonly Stage[] = STAGES;

/**
 * One fixed colour per stage, so a stage looks the same in every chart. Cold
 * start gets vermillion, the colour that stands out most: it is the stage the
 * charts are usually about.
 */
export const STAGE_COLOR: Record<Stage, string> = {
  internet: OKABE_ITO[4], // sky blue
  gateway: OKABE_ITO[0], // blue
  network: OKABE_ITO[2], // bluish green
  frontEnd: OKABE_ITO[6], // yellow
  queue: OKABE_ITO[5], // reddish purple
  coldStart: OKABE_ITO[3], // vermillion
  execution: OKABE_ITO[1], // orange
};
