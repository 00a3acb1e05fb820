import { readFileSync } from 'node:fs';
import { eventRow, sortEvents } from './cmd/events';
const list = JSON.parse(readFileSync('/tmp/K3/list2.json', 'utf8'));
const want = readFileSync('/tmp/K3/ev2.txt', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(/\s{2,}/).slice(2, 4).join(' '));
const got = sortEvents(list.items).map((e: any) => `${e.reason} ${e.involvedObject.kind}/${e.involvedObject.name}`);
let bad = 0;
for (let i = 0; i < want.length; i++) if (want[i] !== got[i]) bad++;
console.log('mismatches', bad, 'of', want.length);
void eventRow;
