import type { ModelManifest, ReportLabelerModel } from '../../../common/models/ModelManifest.js';
import { ModelShapeMismatch } from '../modelErrors.js';
import { readOnnxInterface, type OnnxTensorInterface } from '../onnx/readOnnxInterface.js';

interface Spec {
	readonly name: string;
	readonly shape: readonly number[];
}

const shapeText = (s: readonly (number | string)[]) => `[${s.join(', ')}]`;

/** Declared and actual shapes agree where both fix a dimension (-1 and symbolic dimensions are free). */
const fits = (declared: readonly number[], actual: readonly (number | string)[]) =>
	declared.length === actual.length &&
	declared.every((d, i) => d === -1 || typeof actual[i] !== 'number' || actual[i] === d);

function named(
	list: readonly OnnxTensorInterface[],
	spec: Spec,
	kind: 'input' | 'output',
	fail: (m: string) => Error,
): OnnxTensorInterface {
	const found = list.find((t) => t.name === spec.name);
	if (!found)
		throw fail(
			`the graph's ${kind}s are [${list.map((t) => t.name).join(', ')}], the manifest expects "${spec.name}"`,
		);
	if (!fits(spec.shape, found.shape))
		throw fail(`${kind} "${spec.name}" is ${shapeText(found.shape)}, the manifest says ${shapeText(spec.shape)}`);
	return found;
}

type ImageModel = ModelManifest['vision']['encoder'] | ModelManifest['vision']['classifier'];

/**
 * The encoder or classifier graph: its input and output names and shapes against the manifest, then one
 * run on a blank image (batch 1), whose output must have the manifest's shape too.
 */
export async function checkImageModelGraph(file: string, manifestPath: string, m: ImageModel): Promise<string> {
	const fail = (message: string) => new ModelShapeMismatch(message, manifestPath, file);
	const shape = m.input.shape.map((d) => (d === -1 ? 1 : d));
	// Names and declared shapes first: a graph that disagrees is not run.
	const graph = await readOnnxInterface(file, (g) => {
		named(g.inputs, m.input, 'input', fail);
		named(g.outputs, m.output, 'output', fail);
		return { input: m.input.name, shape };
	});
	const ran = graph.ranOutputs?.[m.output.name] ?? [];
	const output = `output "${m.output.name}" ${shapeText(ran)}`;
	if (!fits(m.output.shape, ran))
		throw fail(`on a blank image ${output}, the manifest says ${shapeText(m.output.shape)}`);
	return `input "${m.input.name}" ${shapeText(m.input.shape)}, ${output} on a blank image`;
}

/** The report labeler's graph: its token inputs and one output per head, as wide as the head's classes. */
export async function checkLabelerGraph(file: string, manifestPath: string, m: ReportLabelerModel): Promise<string> {
	const fail = (message: string) => new ModelShapeMismatch(message, manifestPath, file);
	const graph = await readOnnxInterface(file);
	const inputs = [
		m.inputs.inputIds,
		m.inputs.attentionMask,
		...(m.inputs.tokenTypeIds ? [m.inputs.tokenTypeIds] : []),
	];
	for (const name of inputs) named(graph.inputs, { name, shape: [-1, -1] }, 'input', fail);
	for (const head of m.heads)
		named(graph.outputs, { name: head.output, shape: [-1, head.classes.length] }, 'output', fail);
	return `inputs [${inputs.join(', ')}], ${m.heads.length} heads of the declared widths`;
}
