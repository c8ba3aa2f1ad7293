// The uistate capability's public face: what other capabilities may import from src/node/uistate/.
export type { ReadingPlace } from './ReadingPlace.js';
export type { UiStateStorage } from './UiStateStorage.js';
