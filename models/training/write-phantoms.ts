// Writes phantom DICOM studies into a folder (for the contact sheet).
//   node --import tsx models/training/write-phantoms.ts OUT_DIR COUNT FIRST_SEED
import { generatePhantomStudies } from '../../src/node/phantoms/generatePhantomStudies.js';

const [out = 'models/training/.cache/sheet', count = '16', first = '1'] = process.argv.slice(2);
generatePhantomStudies({ outDir: out, count: Number(count), firstSeed: Number(first) });
