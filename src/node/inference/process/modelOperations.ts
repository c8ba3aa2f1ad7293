import { z } from 'zod';
import type { ReportAssistant, StreamHandlers } from '../../../common/radialog/ReportAssistant.js';
import { assistantSchemas as s } from './assistantSchemas.js';

/** What runs an operation in the model process (the engine there; only its report-assistant methods). */
export type ModelOperationHost = Pick<ReportAssistant, 'predictFindings' | 'draftReport' | 'followUp'>;

/** One call the workstation may make of its model process: what goes in, what comes back, what runs it. */
export interface ModelOperation<I, O> {
	readonly input: z.ZodType<I>;
	readonly output: z.ZodType<O>;
	run(host: ModelOperationHost, input: I, handlers: StreamHandlers): Promise<O>;
}

type InputOf<K extends keyof ModelOperationHost> = Parameters<ModelOperationHost[K]>[0];

const draftInput: z.ZodType<InputOf<'draftReport'>> = z.object({ image: s.image, findings: z.array(s.finding) });

const followUpInput: z.ZodType<InputOf<'followUp'>> = z.object({
	image: s.image,
	findings: z.array(s.finding),
	report: z.string(),
	history: z.array(s.chatTurn),
	request: s.request,
});

// Ties each entry's input and output types to its schemas, so `run` is checked against both.
const operation = <I, O>(o: ModelOperation<I, O>): ModelOperation<I, O> => o;

/**
 * The model process's operations by name. The workstation (parent) and the model process (child) both
 * import this: the child checks each call's input and result against it, the parent each result.
 */
export const modelOperations = {
	predictFindings: operation({
		input: s.image,
		output: z.array(s.findingPrediction),
		run: (host, image) => host.predictFindings(image),
	}),
	draftReport: operation({
		input: draftInput,
		output: s.generatedText,
		run: (host, input, handlers) => host.draftReport(input, handlers),
	}),
	followUp: operation({
		input: followUpInput,
		output: s.generatedText,
		run: (host, input, handlers) => host.followUp(input, handlers),
	}),
};

export type ModelOperationName = keyof typeof modelOperations;
export type ModelOperationInput<K extends ModelOperationName> = z.input<(typeof modelOperations)[K]['input']>;
export type ModelOperationOutput<K extends ModelOperationName> = z.output<(typeof modelOperations)[K]['output']>;
