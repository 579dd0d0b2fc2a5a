import { agreedAccuracy } from '../bench/accuracy/agreed';
import { realCorpus } from '../test/helpers';
const t0 = performance.now();
const r = agreedAccuracy(realCorpus());
console.log(r.paragraphs, 'paragraphs', (performance.now() - t0).toFixed(0), 'ms');
let right = 0, total = 0;
for (const [k, v] of Object.entries(r.perPerturbation)) { console.log(k, v.right, '/', v.total, (100 * v.right / v.total).toFixed(1)); right += v.right; total += v.total; }
console.log('overall', (100 * right / total).toFixed(1));
for (const m of r.misses.slice(0, 15)) console.log(m);
