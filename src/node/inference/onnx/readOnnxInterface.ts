import * as ort from 'onnxruntime-node';

/** A graph input or output as onnxruntime reports it; a string dimension is symbolic (e.g. "batch"). */
export interface OnnxTensorInterface {
	readonly name: string;
	readonly shape: readonly (number | string)[];
}

export interface OnnxInterface {
	readonly inputs: readonly OnnxTensorInterface[];
	readonly outputs: readonly OnnxTensorInterface[];
	/** Output shapes of one run on zeros (when asked for): symbolic dimensions become numbers. */
	readonly ranOutputs: Readonly<Record<string, readonly number[]>> | null;
}

const described = (m: ort.InferenceSession.ValueMetadata): OnnxTensorInterface => ({
	name: m.name,
	shape: m.isTensor ? m.shape : [],
});

/** Which input to feed zeros to, and in what shape; null runs nothing. What it throws, the reader throws. */
export type ZerosProbe = (
	graph: Pick<OnnxInterface, 'inputs' | 'outputs'>,
) => { readonly input: string; readonly shape: readonly number[] } | null;

/**
 * Opens an ONNX graph on one thread and reads its inputs and outputs. With `probe`, runs it once on a
 * float32 tensor of zeros, so a symbolic output width is measured, not assumed.
 */
export async function readOnnxInterface(file: string, probe?: ZerosProbe): Promise<OnnxInterface> {
	const session = await ort.InferenceSession.create(file, { intraOpNumThreads: 1, interOpNumThreads: 1 });
	try {
		const inputs = session.inputMetadata.map(described);
		const outputs = session.outputMetadata.map(described);
		const zeros = probe?.({ inputs, outputs }) ?? null;
		let ranOutputs: Record<string, number[]> | null = null;
		if (zeros) {
			const size = zeros.shape.reduce((a, b) => a * b, 1);
			const feed = new ort.Tensor('float32', new Float32Array(size), [...zeros.shape]);
			const result = await session.run({ [zeros.input]: feed });
			ranOutputs = Object.fromEntries(Object.entries(result).map(([name, t]) => [name, [...t.dims]]));
		}
		return { inputs, outputs, ranOutputs };
	} finally {
		await session.release();
	}
}
