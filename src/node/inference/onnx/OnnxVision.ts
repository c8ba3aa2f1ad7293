import * as ort from 'onnxruntime-node';
import type { DecodedImage } from '../../../common/domain/DecodedImage.js';
import type { Preprocessing } from '../../../common/models/ModelManifest.js';
import { preprocessImage, type ImageTensor } from '../../../common/radialog/preprocess.js';
import type { FindingPrediction } from '../../../common/radialog/ReportAssistant.js';
import type { ModelSet } from '../loadModelSet.js';
import { ModelFileCorrupt, ModelShapeMismatch } from '../modelErrors.js';

interface Spec {
	readonly name: string;
	readonly shape: readonly number[];
}

/** Declared and actual shapes agree where the manifest fixes a dimension (-1 is free). */
function shapeMatches(declared: readonly number[], actual: readonly (number | string)[]): boolean {
	return (
		declared.length === actual.length &&
		declared.every((d, i) => d === -1 || typeof actual[i] !== 'number' || actual[i] === d)
	);
}

async function openSession(
	file: string,
	set: ModelSet,
	input: Spec,
	output: Spec,
	threads: number,
): Promise<ort.InferenceSession> {
	let session: ort.InferenceSession;
	try {
		session = await ort.InferenceSession.create(file, { intraOpNumThreads: threads, interOpNumThreads: 1 });
	} catch (err) {
		throw new ModelFileCorrupt(
			`not a loadable ONNX model: ${(err as Error).message.split('\n')[0]}`,
			set.manifestPath,
			file,
		);
	}
	const i = session.inputMetadata.find((m) => m.name === input.name);
	const o = session.outputNames.includes(output.name);
	if (!i || !o)
		throw new ModelShapeMismatch(
			`the graph has inputs [${session.inputNames.join(', ')}] ` +
				`and outputs [${session.outputNames.join(', ')}], ` +
				`the manifest expects input "${input.name}" and output "${output.name}"`,
			set.manifestPath,
			file,
		);
	if (i.isTensor && !shapeMatches(input.shape, i.shape))
		throw new ModelShapeMismatch(
			`input "${input.name}" has shape [${i.shape.join(', ')}], the manifest says [${input.shape.join(', ')}]`,
			set.manifestPath,
			file,
		);
	return session;
}

/** The two image models (encoder + alignment → embeddings; CheXpert classifier) on onnxruntime. */
export class OnnxVision {
	private readonly lastTensor = new WeakMap<DecodedImage, { spec: string; tensor: ImageTensor }>();

	private constructor(
		private readonly set: ModelSet,
		private readonly encoder: ort.InferenceSession,
		private readonly classifier: ort.InferenceSession,
	) {}

	static async open(set: ModelSet, threads: number): Promise<OnnxVision> {
		const v = set.manifest.vision;
		const encoder = await openSession(set.paths.encoder, set, v.encoder.input, v.encoder.output, threads);
		const classifier = await openSession(
			set.paths.classifier,
			set,
			v.classifier.input,
			v.classifier.output,
			threads,
		);
		return new OnnxVision(set, encoder, classifier);
	}

	/**
	 * The image as a model input. The encoder and the classifier usually preprocess alike, so the last
	 * tensor of an image is kept (per image object, released with it) and not computed twice.
	 */
	private tensorOf(image: DecodedImage, preprocessing: Preprocessing): ImageTensor {
		const spec = JSON.stringify(preprocessing);
		const kept = this.lastTensor.get(image);
		if (kept?.spec === spec) return kept.tensor;
		const tensor = preprocessImage(image, preprocessing);
		this.lastTensor.set(image, { spec, tensor });
		return tensor;
	}

	private async runOne(
		session: ort.InferenceSession,
		file: string,
		spec: { input: Spec; output: Spec; preprocessing: Preprocessing },
		image: DecodedImage,
	): Promise<Float32Array> {
		const t = this.tensorOf(image, spec.preprocessing);
		const feeds = { [spec.input.name]: new ort.Tensor('float32', t.data, [1, t.channels, t.size, t.size]) };
		const result = await session.run(feeds);
		const out = result[spec.output.name]!;
		if (!shapeMatches(spec.output.shape, out.dims))
			throw new ModelShapeMismatch(
				`output "${spec.output.name}" has shape [${out.dims.join(', ')}], ` +
					`the manifest says [${spec.output.shape.join(', ')}]`,
				this.set.manifestPath,
				file,
			);
		return Float32Array.from(out.data as Float32Array);
	}

	/** Image embeddings, [queryTokens × n_embd] row-major. */
	async encode(image: DecodedImage): Promise<Float32Array> {
		return this.runOne(this.encoder, this.set.paths.encoder, this.set.manifest.vision.encoder, image);
	}

	async classify(image: DecodedImage): Promise<FindingPrediction[]> {
		const c = this.set.manifest.vision.classifier;
		const raw = await this.runOne(this.classifier, this.set.paths.classifier, c, image);
		return c.labels.map((label, i) => {
			const probability = c.outputKind === 'logits' ? 1 / (1 + Math.exp(-raw[i]!)) : raw[i]!;
			return { label, probability, positive: probability >= c.thresholds[i]! };
		});
	}

	async close(): Promise<void> {
		await this.encoder.release();
		await this.classifier.release();
	}
}
