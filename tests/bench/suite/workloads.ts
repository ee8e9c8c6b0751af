import { cityWorkload } from './city';
import { ingestWorkload } from './ingest';
import { streamWorkload } from './stream';
import type { Workload } from './types';

/** Every workload of the suite, in the order they run. */
export const WORKLOADS: Workload[] = [ingestWorkload, streamWorkload, cityWorkload];
