import { browserWorkload } from './browser';
import { lifeCircleWorkload } from './life-circle';
import type { Workload } from './types';

/** Every workload of the suite, in the order they run. */
export const WORKLOADS: Workload[] = [lifeCircleWorkload, browserWorkload];
