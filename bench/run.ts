/** `npm run bench [-- --json]`: every benchmark, against the budgets in DESIGN.md. */
import { apiBenchmarks } from './api.bench';
import { apiPipelineBenchmarks } from './apiPipeline.bench';
import { schedulerBenchmarks } from './scheduler.bench';
import { pods10kBenchmarks } from './pods10k.bench';
import { print, type Figure } from './report';

const json = process.argv.includes('--json');
const figures: Figure[] = [...(await apiBenchmarks()), ...(await apiPipelineBenchmarks()), ...(await schedulerBenchmarks()), ...(await pods10kBenchmarks())];
print(figures, json);
