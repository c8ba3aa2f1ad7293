// The PACS capability's public face: what other capabilities may import from src/node/pacs/.
export type { PacsClient, InstanceArrived } from './PacsClient.js';
export { PacsError, PacsUnreachableError, PacsRefusedError, PacsCredentialsError } from './PacsErrors.js';
export { openPacsClient } from './openPacsClient.js';
export { parsePacsAddress, PacsAddressError } from './parsePacsAddress.js';
export type { PacsOrigins } from './PacsOrigins.js';
export { PacsNotConfiguredError } from './PacsNotConfiguredError.js';
export type { PacsService } from './PacsService.js';
