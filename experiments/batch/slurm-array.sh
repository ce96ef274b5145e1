#!/usr/bin/env bash
# Runs one coldtail experiment as a Slurm job array of 8 shards, then merges
# them in a job that waits for the whole array.
#
#   sbatch experiments/batch/slurm-array.sh                # from the repository, after npm ci
#
# Each task takes its shard from SLURM_ARRAY_TASK_ID (1-based here).
#SBATCH --job-name=coldtail
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=24:00:00
#SBATCH --output=shards/slurm-%A_%a.out
set -euo pipefail

SHARDS=8
EXPERIMENT=${EXPERIMENT:-experiments/chain-depth.json}
npx coldtail run "$EXPERIMENT" --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
  --out "shards/${SLURM_ARRAY_TASK_ID}" --threads "${SLURM_CPUS_PER_TASK}" --quiet

# The last task to start submits the merge, to run once every task has ended well.
if [ "${SLURM_ARRAY_TASK_ID}" = "${SHARDS}" ]; then
  sbatch --dependency="afterok:${SLURM_ARRAY_JOB_ID}" --job-name=coldtail-merge \
    --output=shards/merge-%j.out \
    --wrap "npx coldtail merge shards/[0-9]* --out output/$(basename "$EXPERIMENT" .json)"
fi
