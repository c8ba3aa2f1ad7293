import type {
	AssistantImage,
	DraftInput,
	FindingPrediction,
	FollowUpInput,
	GeneratedText,
	ReportAssistant,
	StreamHandlers,
} from '../../common/radialog/ReportAssistant.js';
import type { ModelOperationInput, ModelOperationName, ModelOperationOutput } from './process/modelOperations.js';

/**
 * A ReportAssistant whose every call is one model operation (process/modelOperations): the model process's
 * client and the in-process assistant differ only in where `call` runs the operation.
 */
export abstract class OperationAssistant implements ReportAssistant {
	notice: string | null = null;

	protected abstract call<K extends ModelOperationName>(
		operation: K,
		input: ModelOperationInput<K>,
		handlers?: StreamHandlers,
	): Promise<ModelOperationOutput<K>>;

	abstract close(): Promise<void>;

	predictFindings(image: AssistantImage, handlers?: StreamHandlers): Promise<FindingPrediction[]> {
		return this.call('predictFindings', image, handlers);
	}

	draftReport(input: DraftInput, handlers?: StreamHandlers): Promise<GeneratedText> {
		return this.call('draftReport', input, handlers);
	}

	followUp(input: FollowUpInput, handlers?: StreamHandlers): Promise<GeneratedText> {
		return this.call('followUp', input, handlers);
	}
}
