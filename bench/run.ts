/** `npm run bench [-- --json]`: every benchmark, against the budgets in DESIGN.md. */
import { apiBenchmarks } from './api.bench';
import { print, type Figure } from './report';

const json = process.argv.includes('--json');
const figures: Figure[] = [...(await apiBenchmarks())];
print(figures, json);
