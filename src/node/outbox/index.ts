// The outbox capability's public face: what other capabilities may import from src/node/outbox/.
export type { DestinationSettings, StudyOrigins, MllpSender } from './OutboxDependencies.js';
export type { RetryTiming } from './retryDelay.js';
export { OutboxItemNotFoundError } from './OutboxErrors.js';
