// The text lives with the faithfulness rules, so the training data of the demo model says it word for word.
export { treatmentCaveat } from '../../common/faithfulness/index.js';
