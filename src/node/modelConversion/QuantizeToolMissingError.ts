/** llama.cpp's quantize tool has not been built here, so q4_k_m cannot be written; says how to build it. */
export class QuantizeToolMissingError extends Error {
	override readonly name = 'QuantizeToolMissingError';
	constructor(readonly toolPath: string) {
		super(
			`q4_k_m needs llama.cpp's llama-quantize, which is not built (${toolPath}). ` +
				'Build it once from the source node-llama-cpp ships (CPU only; tens of minutes on two cores): ' +
				'bash models/convert/build-quantize.sh',
		);
	}
}
