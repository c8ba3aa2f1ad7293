/** Where the language model runs: llama.cpp's GPU back end (null: the CPU) and its layers offloaded there. */
export interface ModelPlacement {
	readonly gpu: string | null;
	readonly offloadedLayers: number;
	/** The model's blocks plus its output layer (33 for a 7B Llama). */
	readonly totalLayers: number;
}

/**
 * What the model stack reports while it works, for progress bars and the status line. The workstation
 * maps these to its API events (progress, tokens); the CLI draws them on stderr.
 */
export type ModelEvent =
	| { readonly type: 'loading'; readonly stage: 'verifying' | 'vision' | 'language-model'; readonly fraction: number }
	| {
			readonly type: 'ready';
			readonly notice: string | null;
			readonly device: string;
			/** The GPU back end, if any, and how many of the language model's layers llama.cpp put on it. */
			readonly placement?: ModelPlacement;
	  }
	| { readonly type: 'encoding' }
	| { readonly type: 'classifying' }
	| { readonly type: 'generating'; readonly tokens: number; readonly tokensPerSecond: number | null }
	| { readonly type: 'notice'; readonly text: string }
	/** The model process died; the next call starts a new one. */
	| { readonly type: 'crashed'; readonly message: string };
