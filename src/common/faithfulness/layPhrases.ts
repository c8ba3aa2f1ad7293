/**
 * Plain-language phrases a patient handout or an assistant answer uses, each rewritten into the
 * radiology phrase the report labeler reads. Sources of regular expressions over lower-cased text; the
 * first match at a place wins, so the more specific phrase comes first ("part of the lung collapsed" is
 * atelectasis before "collapsed lung" is a pneumothorax). A side word inside a matched phrase ("fluid
 * around the left lung") is kept in front of the radiology phrase.
 */
export interface LayPhrase {
	readonly pattern: string;
	readonly radiology: string;
	/** Its "not" is part of the meaning ("not fully inflated"), not a denial of it. */
	readonly saysNot?: boolean;
}

const lung = '(?:(?:the|your|their|his|her|both|each|left|right|lower|upper|bottom|top|of|part) )*lungs?';
const article = '(?:(?:a|an|the|some|small|little|tiny|bit|of|few) )*';

export const layPhrases: readonly LayPhrase[] = [
	// Atelectasis: a part of a lung that is not fully open.
	{
		pattern:
			`(?:(?:part|parts|area|areas|portion|section|bit|base|bases|bottom) of ${lung}|${lung}|lung tissue)` +
			" (?:that )?(?:(?:is|are|was|were|has|have|looks?|appears?|seems?) )*(?:not|n[o']t) " +
			'(?:fully |completely |totally |quite |properly )?(?:inflated|expanded|open(?:ed)?|filled with ' +
			'air|aerated)',
		radiology: 'atelectasis',
		saysNot: true,
	},
	{
		pattern:
			`(?:(?:part|parts|area|areas|portion|section|bit|base|bases|bottom) of ${lung}) ` +
			'(?:that )?(?:(?:is|are|was|were|has|have|been) )*(?:partly |partially |slightly |a little |somewhat )?' +
			'(?:collapsed|deflated|squashed)',
		radiology: 'atelectasis',
	},
	{
		pattern:
			'(?:partly|partially|slightly|mildly|a little) (?:collapsed|deflated)(?: ' +
			'(?:area|areas|part|parts|portions?))?' +
			`(?: (?:of|in) ${lung})?|(?:partial|minor|small) (?:lung )?collapse(?: (?:of|in) ${lung})?|` +
			`collapsed (?:areas?|parts?|portions?|bits?)(?: (?:of|in) ${lung})?|deflated ${lung}|${lung} deflation`,
		radiology: 'atelectasis',
	},
	// Pneumothorax: air where it should not be, around a lung.
	{
		pattern:
			`(?:an? )?(?:air leak|pocket of air|leak of air|free air|air|gas)(?: leak)? ` +
			`(?:(?:is|was|has|have) )?(?:collecting |trapped |leaking |escaped )?` +
			`(?:outside|around|surrounding|next to|alongside|beside|between) ${lung}` +
			'(?: and (?:the )?chest wall)?',
		radiology: 'pneumothorax',
	},
	{
		pattern: 'air (?:in|inside) the (?:chest cavity|space around the (?:\\w+ )?lungs?|pleural space)',
		radiology: 'pneumothorax',
	},
	{
		pattern:
			`(?:collapsed|punctured|dropped) ${lung}|${lung} (?:(?:has|have|had|is|are|was|were|not|been) )+` +
			'(?:fully |completely |partly |partially )?collapsed',
		radiology: 'pneumothorax',
	},
	// Pleural effusion: fluid outside a lung. Edema is fluid inside it, below.
	{
		pattern:
			'(?:fluid|liquid|water)(?: build-?up| collection)? (?:(?:is|was|has|have) )?(?:collecting ' +
			'|collected |built up )?' +
			'(?:(?:around|outside|surrounding|next to|beside|alongside|at the (?:base|bottom|bases) ' +
			`of|beneath|under|below) ${lung}` +
			`|in the (?:\\w+ )?(?:space|lining|chest cavity) (?:around|surrounding|outside) ${lung}` +
			'|between (?:the |your )?(?:\\w+ )?lungs? and (?:the )?chest wall|in the (?:\\w+ )?chest cavity)',
		radiology: 'pleural effusion',
	},
	// Edema: fluid in the lungs themselves.
	{
		pattern:
			`(?:fluid|water|liquid)(?: build-?up| overload)? (?:(?:is|was|has|have) )?(?:collecting |built up )?` +
			`(?:in|inside|within|into) (?:the )?(?:tissue of )?${lung}(?: tissue)?|wet lungs|${lung} (?:are ` +
			'|is )?(?:wet|waterlogged)',
		radiology: 'pulmonary edema',
	},
	{
		pattern:
			`${lung} (?:holds?|contains?|ha(?:s|ve)|with) (?:\\w+ ){0,4}?(?:fluid|water)(?! ` +
			'(?:around|outside|next to|surrounding))',
		radiology: 'pulmonary edema',
	},
	// Plain "fluid" with no place said: in a chest X-ray text, fluid around the lungs.
	{ pattern: '(?:fluid|liquid)(?! overload)', radiology: 'pleural effusion' },
	// Consolidation and pneumonia.
	{
		pattern:
			`(?:part|area|patch|region|portion) of ${lung} (?:that is |which is |is )?(?:filled (?:in ` +
			')?with (?:fluid|pus|infection)|' +
			'solid|filled in)|(?:fluid|pus)-filled (?:area|part|patch)',
		radiology: 'consolidation',
	},
	{ pattern: '(?:chest|lung|chest and lung) infection', radiology: 'infection' },
	// Lung lesion.
	{
		pattern: `${article}(?:spots?|growths?|nodular spots?) (?:on|in) ${lung}|${article}(?:spots?|growths?)`,
		radiology: 'nodule',
	},
	// Opacity.
	{
		pattern:
			'(?:cloudy|cloudiness|white|whiter|shadowy) (?:areas?|patch(?:es)?|spots?)|cloudiness|(?<!heart ' +
			'|cardiac )shadows?',
		radiology: 'opacity',
	},
	// Pleural thickening.
	{
		pattern:
			'(?:thickening|thickened|scarring|scarred|scar|plaques?) (?:of|on|in) (?:the )?(?:\\w+ )?lining ' +
			`(?:of|around) ${lung}` +
			'|thickened (?:\\w+ )?lung lining|(?:lining|membrane) (?:of|around) (?:the )?(?:\\w+ )?lungs? ' +
			'(?:is |looks )?thickened',
		radiology: 'pleural thickening',
	},
	// Fracture.
	{
		pattern:
			'(?:broken|cracked|fractured) (?:(?:left|right|upper|lower|\\w+th|\\w+st|\\w+nd|\\w+rd) )*' +
			'(?:ribs?|bones?|collarbones?|clavicles?|shoulder blades?)|' +
			'(?:break|crack|breaks|cracks) in (?:(?:a|the|one|two|your|several) )*' +
			'(?:(?:left|right|upper|lower) )*(?:ribs?|bones?|collarbones?)|(?:(?:left|right|upper|lower|\\w+th) )*' +
			'(?:ribs?|bones?|collarbones?|clavicles?) (?:(?:is|are|was|were|has|have|been|looks?|appears?|seems?) )+' +
			'(?:\\w+ )?(?:broken|cracked|fractured)',
		radiology: 'fracture',
	},
	// Heart and mediastinum.
	{ pattern: '(?:swollen|big|large|bigger|larger) heart', radiology: 'enlarged heart' },
	{ pattern: '(?:bigger|larger|wider) than (?:normal|usual|expected|it should be)', radiology: 'enlarged' },
	{
		pattern:
			'(?:middle of the chest|space between the lungs|area between the lungs) (?:is |looks |appears ' +
			')?(?:wider|widened)',
		radiology: 'widened mediastinum',
	},
	// Devices.
	{
		pattern: '(?:breathing )?tube in (?:the |your )?(?:front of the )?neck|trach(?! tube)',
		radiology: 'tracheostomy tube',
	},
	{
		pattern:
			'breathing tubes?|tubes? (?:\\w+ )?(?:in|into|down) (?:the |your ' +
			')?(?:windpipe|airway|trachea)|intubat(?:ed|ion)|' +
			'(?:the |a )?tube that helps (?:\\w+ )?breathe',
		radiology: 'endotracheal tube',
	},
	{ pattern: 'extubated', radiology: 'endotracheal tube removed' },
	{
		pattern:
			'(?:feeding|stomach) tubes?|tubes? (?:through|in|via) (?:the |your )?nose (?:in)?to (?:the |your )?stomach',
		radiology: 'nasogastric tube',
	},
	{
		pattern:
			'(?:iv |intravenous )?(?:lines?|catheters?|thin tubes?|tubes?) (?:placed )?in (?:an? |the ' +
			')?(?:large|big|major|main|central|deep) ' +
			'(?:\\w+ )?veins?(?: (?:near|close to|leading to|going to) the heart)?|central (?:iv|intravenous) lines?',
		radiology: 'central line',
	},
	{
		pattern:
			'chest drains?|pleural drains?|drains? in (?:the |your )?(?:left |right ' +
			')?chest|(?:tubes?|drains?) (?:placed )?to drain (?:the )?(?:\\w+ )?' +
			'(?:fluid|air)|drainage tubes?',
		radiology: 'chest tube',
	},
	{
		pattern:
			'(?:heart|cardiac|heart rhythm) (?:devices?|monitors?)|devices? that ' +
			'(?:controls|regulates|keeps) (?:\\w+ )*heartbeat',
		radiology: 'pacemaker',
	},
	// Change words the labeler's cues read.
	{
		pattern:
			'(?:has |have |is |are )?(?:now )?(?:cleared(?: up)?|gone away|gone(?! down| ' +
			'up)|disappeared|been taken out|been pulled out)',
		radiology: 'resolved',
	},
	{ pattern: '(?:taken|pulled) out', radiology: 'removed' },
];
