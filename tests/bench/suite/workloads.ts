import { ceilingsWorkload } from './ceilings';
import { embeddedWorkload } from './embedded';
import { featuresWorkload } from './features';
import { scopedWorkload } from './scoped';
import { tilesWorkload } from './tiles';
import type { Workload } from './types';

/** Every workload of the suite, in the order they run. */
export const WORKLOADS: Workload[] = [
  ceilingsWorkload,
  tilesWorkload,
  featuresWorkload,
  scopedWorkload,
  embeddedWorkload,
];
