/**
 * Coalesces streamed text so the model process sends one message per interval instead of one per token:
 * every message costs a serialization and a schema check on each side, more than a small model's token.
 * The first text goes out at once (time to first token is unchanged); `flush` sends the rest before the
 * call's result, so the text always arrives complete and in order.
 */
export class TokenBatcher {
	private text = '';
	private tokensPerSecond: number | null = null;
	private lastSent = -Infinity;
	private timer: NodeJS.Timeout | null = null;

	constructor(
		private readonly send: (text: string, tokensPerSecond: number | null) => void,
		private readonly intervalMs = 20,
	) {}

	readonly add = (text: string, tokensPerSecond: number | null): void => {
		this.text += text;
		this.tokensPerSecond = tokensPerSecond;
		const wait = this.lastSent + this.intervalMs - performance.now();
		if (wait <= 0) this.flush();
		else this.timer ??= setTimeout(() => this.flush(), wait);
	};

	flush(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		if (!this.text) return;
		const text = this.text;
		this.text = '';
		this.lastSent = performance.now();
		this.send(text, this.tokensPerSecond);
	}
}
