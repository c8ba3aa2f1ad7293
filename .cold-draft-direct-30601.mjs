
import fs from 'node:fs';
import ort from 'onnxruntime-node';
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';
const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const opts = { intraOpNumThreads: job.threads, interOpNumThreads: 1 };
for (const v of job.vision) {
	const session = await ort.InferenceSession.create(v.file, opts);
	const data = new Float32Array(fs.readFileSync(v.tensor).buffer.slice(0));
	await session.run({ [v.input]: new ort.Tensor('float32', data, v.dims) });
}
const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error, progressLogs: false });
const model = await llama.loadModel({ modelPath: job.llm, gpuLayers: 0 });
const context = await model.createContext({
	contextSize: job.contextSize, threads: job.threads, sequences: 1,
	lora: { adapters: [{ filePath: job.adapter, scale: 1 }] },
});
const out = [];
for await (const t of context.getSequence().evaluate(job.prompt, { temperature: 0 })) {
	out.push(t);
	if (out.length >= job.tokens) break;
}
console.log(model.detokenize(out).trim());
