// A model process stand-in for crash tests: a real Node child speaking the model protocol over IPC,
// without loading models (each real start takes seconds). It opens at once and answers each call after
// streaming a few tokens over ~`tokenMs` ms each. With the argument 'die-on-call' it kills itself instead.
const mode = process.argv[2] ?? 'answer';
const tokenMs = 4;

function answer(m) {
	if (m.operation === 'predictFindings') return [{ label: 'Edema', probability: 0.9, positive: true }];
	return { text: 'No acute findings.', tokenCount: 3, prompt: 'stand-in', stoppedBy: 'eos' };
}

async function call(m) {
	if (mode === 'die-on-call') process.kill(process.pid, 'SIGKILL');
	for (const text of ['No ', 'acute ', 'findings.']) {
		await new Promise((resolve) => setTimeout(resolve, tokenMs));
		process.send({ type: 'token', id: m.id, text, tokensPerSecond: null });
	}
	process.send({ type: 'result', id: m.id, value: answer(m) });
}

let queue = Promise.resolve();
process.on('message', (m) => {
	if (m.type === 'open') process.send({ type: 'opened', notice: 'stand-in' });
	else if (m.type === 'call') queue = queue.then(() => call(m));
	else if (m.type === 'close') void queue.then(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
