/** Long-running work (the C-STORE receiver, the draft queue, loaded models) that both shells start and stop. */
export interface BackgroundService {
	start(): Promise<void>;
	stop(): Promise<void>;
}
