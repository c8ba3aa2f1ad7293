// The settings capability's public face: what other capabilities may import from src/node/settings/.
export type { SettingsStore } from './SettingsStore.js';
export { RelativeFolderError } from './SettingsErrors.js';
