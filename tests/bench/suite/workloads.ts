import { browserWorkload } from './browser';
import { ceilingsWorkload } from './ceilings';
import { cityWorkload } from './city';
import { embeddedWorkload } from './embedded';
import { featuresWorkload } from './features';
import { ingestWorkload } from './ingest';
import { lifeCircleWorkload } from './life-circle';
import { scopedWorkload } from './scoped';
import { streamWorkload } from './stream';
import { tilesWorkload } from './tiles';
import type { Workload } from './types';

/**
 * Every workload of the suite, in the order they run: reads first, then the workloads that
 * write (ingest, stream), the analysis, the browser, and those on other databases.
 */
export const WORKLOADS: Workload[] = [
  ceilingsWorkload,
  tilesWorkload,
  featuresWorkload,
  scopedWorkload,
  ingestWorkload,
  streamWorkload,
  lifeCircleWorkload,
  browserWorkload,
  embeddedWorkload,
  cityWorkload,
];
