/**
 * What the model stack reports while it works, for progress bars and the status line. The workstation
 * maps these to its API events (progress, tokens); the CLI draws them on stderr.
 */
export type ModelEvent =
	| { readonly type: 'loading'; readonly stage: 'verifying' | 'vision' | 'language-model'; readonly fraction: number }
	| { readonly type: 'ready'; readonly notice: string | null; readonly device: string }
	| { readonly type: 'encoding' }
	| { readonly type: 'classifying' }
	| { readonly type: 'generating'; readonly tokens: number; readonly tokensPerSecond: number | null }
	| { readonly type: 'notice'; readonly text: string }
	/** The model process died; the next call starts a new one. */
	| { readonly type: 'crashed'; readonly message: string };
