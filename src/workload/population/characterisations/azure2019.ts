import { empirical } from '../../../random/distributions/empirical.ts';
import { lognormal } from '../../../random/distributions/lognormal.ts';
import { log } from '../../../special/log.ts';
import { BurrXII } from '../burrXII.ts';
import { LogQuantileTable } from '../logQuantileTable.ts';
import type { Characterisation } from './characterisation.ts';

/**
 * Azure Functions, July 2019: Shahrad et al., "Serverless in the Wild", USENIX ATC 2020, §3,
 * and the figures of the released dataset (Azure/AzurePublicDataset). Every number below is in
 * models/CALIBRATION.md, "A region of functions", with its mark (M measured, D read or derived).
 */

// Invocations per day of a function (Fig. 5a, functions curve, read by eye, D): about 7 % called
// once in the 14 days (1/14 per day), 64 % at most once an hour (24 a day), 93 % at most once a
// minute (1,440 a day), the top near 1e8 a day (the "8 orders of magnitude", M). Log-linear between.
const PER_DAY = new LogQuantileTable([
  [0, 1 / 14],
  [0.07, 1 / 14],
  [0.64, 24],
  [0.93, 1440],
  [1, 1e8],
]);

// Inter-arrival CV (Fig. 6, all applications, read by eye, D): about 20 % at CV 0 (timers),
// 58 % at most 1, 72 % at most 2, 85 % at most 4, 94 % at most 10 (consistent with the text's
// "40 % ... CV higher than 1", M). The axis ends the table: the last 6 % spread up to 20 (D).
// Below, the share above 0, rescaled: p' = (p - 0.2) / 0.8.
const PERIODIC_SHARE = 0.2;
const rescale = (p: number) => (p - PERIODIC_SHARE) / (1 - PERIODIC_SHARE);
const IAT_CV = empirical([
  [0, 0],
  [rescale(0.58), 1],
  [rescale(0.72), 2],
  [rescale(0.85), 4],
  [rescale(0.94), 10],
  [1, 20],
]);

// A function's average execution time: lognormal fit by MLE, log mean -0.38 and sigma 2.36 in
// ln(seconds) (§3, Fig. 7, M); in ln(ms), mu + ln 1000.
const MEAN_EXECUTION_MS = lognormal(-0.38 + log(1000), 2.36);

// Within one function: no published figure. sigma 0.7 puts a function's p1 and p99 at 0.2x and
// 5x its median, the span between the medians of the per-function minimum (about 0.2 s), average
// (about 1 s) and maximum (about 3 s) in Fig. 7 (read by eye): D, a choice, not a measurement.
const EXECUTION_SIGMA = 0.7;

// Memory: Burr XII fit to the average allocated memory of an application, c 11.652, k 0.221,
// lambda 107.083 MB (§3, Fig. 8, M). Per application in the paper; here one per function.
const MEMORY_MB = new BurrXII(11.652, 0.221, 107.083);

/**
 * Invocations per day of an application (Fig. 5a, applications, M): 45 % at most once an hour,
 * 81 % at most once a minute, about 3 % more than once a second (the review's figure), the top
 * near 1e8 a day; the bottom at once in 14 days like the functions' (D: the plot's floor).
 * Shahrad et al.'s policy comparison counts applications (an app's functions share its
 * instances), so a population "like azure-2019-apps" is one of applications, each a pool.
 */
const APP_PER_DAY = new LogQuantileTable([
  [0, 1 / 14],
  [0.45, 24],
  [0.81, 1440],
  [0.97, 86_400],
  [1, 1e8],
]);

export const azure2019Apps: Characterisation = {
  name: 'azure-2019-apps',
  source:
    'Shahrad et al., "Serverless in the Wild", USENIX ATC 2020, section 3: applications\' rates (Fig. 5a, M), the CV of applications (Fig. 6), execution (Fig. 7) and memory per application (Fig. 8); see models/CALIBRATION.md',
  perDay: APP_PER_DAY,
  periodicShare: PERIODIC_SHARE,
  iatCv: IAT_CV,
  meanExecutionMs: MEAN_EXECUTION_MS,
  executionSigma: EXECUTION_SIGMA,
  memoryMB: MEMORY_MB,
};

export const azure2019: Characterisation = {
  name: 'azure-2019',
  source:
    'Shahrad et al., "Serverless in the Wild", USENIX ATC 2020, section 3 (Figs. 5a, 6, 7, 8) and the Azure Functions 2019 dataset; see models/CALIBRATION.md',
  perDay: PER_DAY,
  periodicShare: PERIODIC_SHARE,
  iatCv: IAT_CV,
  meanExecutionMs: MEAN_EXECUTION_MS,
  executionSigma: EXECUTION_SIGMA,
  memoryMB: MEMORY_MB,
};
