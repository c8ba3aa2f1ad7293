import { IMAGE_PLACEHOLDER_COUNT } from '../../common/radialog/vicunaPrompt.js';

/** The published files spell the image placeholders out: one `<IMG>` per placeholder token, in a row. */
export const datasetImagePlaceholders = '<IMG>'.repeat(IMAGE_PLACEHOLDER_COUNT);
