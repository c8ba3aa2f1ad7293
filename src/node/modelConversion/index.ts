export { convertRadialogLlava, RESEARCH_NOTICE, type LlavaConversion } from './convertRadialogLlava.js';
export { writeStandIn } from './writeStandIn.js';
export { refuseOriginalRelease } from './refuseOriginalRelease.js';
export * from './conversionErrors.js';
