import { z } from 'zod';
import type { EngineOptions } from '../RadialogEngine.js';
import { assistantSchemas } from './assistantSchemas.js';
import { modelOperations, type ModelOperation } from './modelOperations.js';
import { ModelProtocolError } from './ModelProtocolError.js';

/**
 * Messages between the workstation and its model process (structured clone: typed arrays travel as is).
 * Both sides check every message they receive against these schemas; a call's input and result are
 * checked against its operation's schemas (modelOperations.ts).
 */
const callId = z.number().int().nonnegative();

const engineOptions: z.ZodType<Omit<EngineOptions, 'onEvent'>> = z.object({
	modelsDir: z.string(),
	threads: z.number().int().positive().optional(),
	gpu: z.union([z.literal('auto'), z.literal(false)]).optional(),
	verifyHashes: z.boolean().optional(),
	recycleAfterImages: z.number().int().positive().optional(),
});

const serializedError = z.object({ name: z.string(), message: z.string() });

const toModelProcess = z.discriminatedUnion('type', [
	z.object({ type: z.literal('open'), options: engineOptions }),
	// The operation's name and input are checked against the registry once the envelope fits.
	z.object({ type: z.literal('call'), id: callId, operation: z.string(), input: z.unknown() }),
	z.object({ type: z.literal('cancel'), id: callId }),
	z.object({ type: z.literal('close') }),
]);

const fromModelProcess = z.discriminatedUnion('type', [
	z.object({ type: z.literal('opened'), notice: z.string().nullable() }),
	z.object({ type: z.literal('openFailed'), error: serializedError }),
	z.object({ type: z.literal('event'), event: assistantSchemas.event }),
	z.object({ type: z.literal('token'), id: callId, text: z.string(), tokensPerSecond: z.number().nullable() }),
	z.object({ type: z.literal('result'), id: callId, value: z.unknown() }),
	z.object({ type: z.literal('failed'), id: callId, error: serializedError }),
]);

export type ToModelProcess = z.input<typeof toModelProcess>;
export type FromModelProcess = z.input<typeof fromModelProcess>;
export type SerializedError = z.infer<typeof serializedError>;

/** `value` as `schema` describes it (unknown keys dropped), or a ModelProtocolError naming `subject`. */
export function checked<T>(schema: z.ZodType<T>, value: unknown, subject: string): T {
	const r = schema.safeParse(value);
	if (!r.success) throw ModelProtocolError.fromZod(subject, r.error);
	return r.data;
}

const typeOf = (m: unknown): string =>
	typeof m === 'object' && m !== null && 'type' in m ? `a message of type '${String(m.type)}'` : 'a message';

export const readToModelProcess = (m: unknown): ToModelProcess =>
	checked(toModelProcess, m, `${typeOf(m)} to the model process`);

export const readFromModelProcess = (m: unknown): FromModelProcess =>
	checked(fromModelProcess, m, `${typeOf(m)} from the model process`);

/** The call a malformed message belongs to, if it names one, so only that call fails. */
export function callIdOf(m: unknown): number | null {
	const id = typeof m === 'object' && m !== null && 'id' in m ? m.id : null;
	return callId.safeParse(id).success ? (id as number) : null;
}

/** The registry's entry for `name`; own keys only, so "toString" is as unknown as "diagnose". */
export function operationNamed(name: string): ModelOperation<unknown, unknown> {
	if (!Object.hasOwn(modelOperations, name))
		throw new ModelProtocolError(`unknown operation '${name}' (known: ${Object.keys(modelOperations).join(', ')})`);
	return modelOperations[name as keyof typeof modelOperations];
}

export function serializeError(err: unknown): SerializedError {
	const e = err instanceof Error ? err : new Error(String(err));
	return { name: e.name, message: e.message };
}
