/** The 14 CheXpert observations, in the order the classifier and the labeler report them. */
export const chexpertLabels = [
	'No Finding',
	'Enlarged Cardiomediastinum',
	'Cardiomegaly',
	'Lung Opacity',
	'Lung Lesion',
	'Edema',
	'Consolidation',
	'Pneumonia',
	'Atelectasis',
	'Pneumothorax',
	'Pleural Effusion',
	'Pleural Other',
	'Fracture',
	'Support Devices',
] as const;

export type ChexpertLabel = (typeof chexpertLabels)[number];
