import type { ChexpertLabel } from '../domain/chexpert.js';

/**
 * Phrases that mention an observation, as regular-expression sources over lower-cased text (word
 * boundaries are added around each group). Where two phrases overlap, the longer span wins, so
 * "pleural scarring" is Pleural Other, not the "scarring" of Lung Opacity, and the exclusions below
 * swallow look-alikes ("pericardial effusion", "mass effect") before they can count.
 */
export interface DirectMentions {
	readonly labels: readonly ChexpertLabel[];
	readonly phrases: readonly string[];
}

export const directMentions: readonly DirectMentions[] = [
	{
		labels: ['Enlarged Cardiomediastinum'],
		phrases: [
			'(?:cardio)?mediastinal (?:widening|enlargement)',
			'enlarged cardiomediastinum',
			'widened mediastinum',
			'mediastinal mass',
		],
	},
	{
		labels: ['Cardiomegaly'],
		phrases: ['cardiomegaly', 'cardiac enlargement', 'cardiomyopathy', 'enlarged heart', 'large heart'],
	},
	{
		labels: ['Lung Opacity'],
		phrases: [
			'opacit(?:y|ies)',
			'opacification',
			'opacified',
			'infiltrat(?:es?|ion|ive)',
			'air[- ]?space (?:disease|process|opacit(?:y|ies))',
			'hazy',
			'haziness',
			'ground[- ]glass',
			'densit(?:y|ies)',
			'interstitial (?:markings?|pattern|prominence|abnormalit(?:y|ies)|lung disease)',
			'reticular (?:markings?|pattern)',
			'reticulation',
			'reticulonodular',
			'scarring',
			'scars?',
			'peribronchial (?:thickening|cuffing)',
			'decreased (?:lung )?translucency',
		],
	},
	{
		labels: ['Lung Lesion'],
		phrases: [
			'nodules?',
			'nodular densit(?:y|ies)',
			'masse?s?',
			'lesions?',
			'tumou?rs?',
			'neoplasms?',
			'neoplastic',
			'carcinomas?',
			'cancer',
			'malignan(?:cy|cies|t)',
			'metastas[ie]s',
			'metastatic (?:disease|lesions?)',
			'cavitation',
			'cavity',
			'cavitary lesions?',
			'lumps?',
		],
	},
	{
		labels: ['Edema'],
		phrases: [
			'(?:pulmonary |interstitial |alveolar )?o?edema',
			'(?:pulmonary )?(?:vascular|venous) (?:congestion|engorgement|redistribution)',
			'congestion',
			'congestive heart failure',
			'heart failure',
			'chf',
			'(?:fluid|volume) overload',
			'cephalization',
			'kerley b lines',
		],
	},
	{ labels: ['Consolidation'], phrases: ['consolidations?', 'consolidative', 'consolidated'] },
	{
		labels: ['Pneumonia'],
		phrases: ['(?:broncho)?pneumonias?', 'infections?', 'infectious(?: process)?', 'infective'],
	},
	{ labels: ['Atelectasis'], phrases: ['atelecta(?:sis|ses|tic)', 'collapsed?'] },
	{ labels: ['Pneumothorax'], phrases: ['pneumothora(?:x|xes|ces)', 'ptx'] },
	{ labels: ['Pneumothorax', 'Pleural Effusion'], phrases: ['hydropneumothora(?:x|ces)'] },
	{
		labels: ['Pleural Effusion'],
		phrases: [
			'(?:pleural )?effusions?',
			'pleural fluid',
			'hydrothorax',
			'fissural fluid',
			'(?:layering|loculated) fluid',
			'fluid (?:in|within|tracking along) the (?:\\w+ )?(?:pleural space|fissures?)',
		],
	},
	{
		labels: ['Pleural Other'],
		phrases: [
			'pleural (?:thickening|plaques?|calcifications?|scarring|scar|abnormalit(?:y|ies))',
			'calcified pleural plaques?',
			'fibrothorax',
			'pleuro-?parenchymal (?:scarring|thickening|changes?)',
			'pleural-parenchymal (?:scarring|thickening|changes?)',
			'apical (?:pleural )?(?:cap|capping|thickening)',
		],
	},
	{ labels: ['Fracture'], phrases: ['fractures?', 'fractured', 'fx'] },
	{
		labels: ['Support Devices'],
		phrases: [
			'endotracheal tubes?',
			'et tubes?',
			'ett',
			'tracheostomy(?: tubes?)?',
			'trach tubes?',
			'(?:nasogastric|orogastric|enteric|feeding|ng|og|dobhoff|chest|gastric|thoracostomy|nasoenteric|' +
				'pigtail|drainage|nasojejunal) (?:tubes?|catheters?)',
			'dobhoff',
			'(?:central venous|central|picc|port|midline|swan[- ]ganz|pulmonary artery|dialysis|hemodialysis|ij|' +
				'subclavian|jugular|venous) (?:lines?|catheters?)',
			'piccs?',
			'port-?a-?caths?',
			'portacaths?',
			'(?:chest|power|infusion) ports?',
			'catheters?',
			'pacemakers?',
			'pacers?',
			'(?:pacemaker|pacer|pacing|icd|defibrillator|ecg|ekg|monitoring) (?:leads?|wires?)',
			'defibrillators?',
			'aicd',
			'icd',
			'loop recorder',
			'(?:sternotomy|sternal) wires',
			'surgical clips?',
			'clips',
			'stents?',
			'(?:valve|aortic valve|mitral valve) (?:replacement|prosthesis)',
			'prosthetic (?:heart )?valves?',
			'intra-?aortic balloon(?: pump)?',
			'iabp',
			'lvad',
			'impella',
			'drains?',
			'lines and tubes',
			'tubes and lines',
			'support devices?',
			'monitoring devices?',
			'devices?',
			'hardware',
			'tubes?',
		],
	},
];

/** Look-alikes that must not count as any observation. */
export const excludedPhrases: readonly string[] = [
	'pericardial effusions?',
	'joint effusions?',
	'mass effect',
	'(?:bone|osseous|lytic|sclerotic|blastic|skin) lesions?',
	'(?:bone|soft tissue) densit(?:y|ies)',
	'(?:soft tissue|subcutaneous) o?edema',
	'breast (?:tissue|shadows?|implants?)',
	'septal lines',
	'pleural line',
	'vertebral (?:body )?collapse',
	'nipple shadows?',
	// The patient's history is not a finding of this examination.
	'(?:clinical )?history of (?:\\w+ ){0,2}\\w+',
];

/**
 * Observations read from a structure and what is said about its size or shape: "heart size is normal"
 * (negative), "the cardiac silhouette is enlarged" (positive), "borderline heart size" (uncertain).
 * A subject with no such attribute nearby ("heart size is stable") is not a mention.
 */
export interface AttributeMentions {
	readonly label: ChexpertLabel;
	readonly subjects: readonly string[];
	readonly positive: string;
	readonly normal: string;
	readonly borderline: string;
}

const normalSize =
	'normal|unremarkable|within normal limits|not (?:\\w+ )?(?:enlarged|widened|increased)|' +
	'no longer (?:enlarged|widened)|upper (?:limits?|range) of normal|top[- ]normal|high[- ]normal|upper normal';

export const attributeMentions: readonly AttributeMentions[] = [
	{
		label: 'Cardiomegaly',
		subjects: [
			'heart size',
			'size of the (?:heart|cardiac silhouette)',
			'cardiac size',
			'heart(?! failure)',
			'cardiac (?:silhouette|contours?|shadow)',
			'cardiac(?=,? (?:and )?(?:mediastinal|hilar))',
		],
		positive: 'enlarged|enlargement|large|increased?|dilated|prominent|prominence',
		normal: normalSize,
		borderline: 'borderline',
	},
	{
		label: 'Enlarged Cardiomediastinum',
		subjects: [
			'cardio-?mediastinal (?:silhouette|contours?|size)',
			'mediastinal (?:silhouette|contours?)',
			'(?:superior )?mediastinum',
			'(?:cardio-?)?mediastinal(?=,? (?:and )?hilar)',
		],
		positive: 'widened|widening|wide|enlarged|enlargement|prominent|prominence|increased',
		normal: normalSize,
		borderline: 'borderline',
	},
	{
		label: 'Pleural Effusion',
		subjects: ['costophrenic (?:angles?|sulc(?:i|us))', 'cp angles?'],
		positive: 'blunted|blunting|obliterated|obliteration',
		normal: 'sharp|clear|normal|preserved|well[- ]defined',
		borderline: 'minimal(?:ly)? blunt(?:ed|ing)',
	},
];
