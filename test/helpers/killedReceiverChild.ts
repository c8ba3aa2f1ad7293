// Child process of killedReceiver.test.ts: a workstation whose DICOM receiver listens on the given port.
import { Workstation } from '../../src/node/workstation/Workstation.js';

const [dataDir, port] = process.argv.slice(2) as [string, string];
process.env.RADIALOG_RECEIVER_PORT = port;
const w = new Workstation({ dataDir, shell: 'browser' });
w.settings.update({ receiver: { enabled: true, port: Number(port), aeTitle: 'RADIALOG' } });
const receiver = await w.loadReceiver();
await receiver.start();
process.stdout.write(receiver.receiver.listening ? 'listening\n' : `failed ${receiver.lastError}\n`);
