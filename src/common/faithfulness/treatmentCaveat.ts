/** Said with every answer to a question about treatment or procedures: the model only reads images. */
export const treatmentCaveat =
	'Treatment decisions belong to the treating clinician: this answer describes the images and the report ' +
	'only, and is not a recommendation.';
