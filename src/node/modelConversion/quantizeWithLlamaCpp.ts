import { QuantizeToolNotConnected } from './conversionErrors.js';

/**
 * >>> THE LLAMA.CPP QUANTIZE CALL GOES HERE <<<
 * q4_k_m needs llama.cpp's own quantize tool (gguf-py has no k-quant writer): `from` is the f16 GGUF the
 * converter wrote, `to` the Q4_K_M file the manifest will name. The tool built from node-llama-cpp's
 * bundled source is wired in here when it lands; until then this refuses.
 */
export function quantizeWithLlamaCpp(from: string, to: string, type: 'q4_k_m'): Promise<void> {
	return Promise.reject(
		new QuantizeToolNotConnected(
			`${type} quantization needs llama.cpp's quantize tool, which this build does not connect yet ` +
				`(${from} -> ${to}). Convert with --quantize q8_0 or without --quantize (f16) instead.`,
		),
	);
}
