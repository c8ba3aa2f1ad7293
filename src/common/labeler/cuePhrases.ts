/**
 * Negation and uncertainty cues. `pre` cues reach forward to mentions after them, `post` cues back to
 * the mention just before them (and the list it ends), both only inside one clause. The order matters:
 * the scanner takes the first cue that matches at a position, so hedged negations ("cannot be excluded",
 * "not ruled out") are listed before plain "not", and "no change in" before plain "no".
 */
export type CueKind = 'negation' | 'uncertainty' | 'neutral';

export interface Cue {
	readonly kind: CueKind;
	readonly pre: boolean;
	readonly post: boolean;
	readonly pattern: string;
	/** Reaches only the nearest mention on each side. */
	readonly nearestOnly?: boolean;
	/** A negation before this hedge still negates ("no findings to suggest pneumonia"). */
	readonly keepsNegation?: boolean;
}

const hedgedNegation = [
	'can ?not (?:be )?(?:entirely |completely |totally |definitively |definitely )?(?:excluded|ruled out|exclude|' +
		'rule out)',
	"can't (?:be )?(?:entirely |completely )?(?:excluded|ruled out|exclude|rule out)",
	'(?:is |are )?not (?:be )?(?:entirely |completely |totally |definitively |definitely )?(?:excluded|ruled out)',
	'(?:difficult|impossible|hard) to (?:exclude|rule out)',
	'rule out',
	'to exclude',
	'r/o',
	'(?:evaluate|eval|assess) for',
];

export const cues: readonly Cue[] = [
	...hedgedNegation.map((pattern) => ({ kind: 'uncertainty' as const, pre: true, post: true, pattern })),
	// "No change in the cardiomegaly" keeps the cardiomegaly; "no new consolidation" does not.
	{
		kind: 'neutral',
		pre: true,
		post: true,
		pattern:
			'(?:no|without) (?:\\w+ ){0,2}(?:change|increase|decrease|worsening|improvement|progression|' +
			'enlargement)s? (?:in|of)',
	},
	{
		kind: 'neutral',
		pre: true,
		post: true,
		pattern: '(?:not|no) (?:\\w+ )?(?:changed|improved|worsened)|no longer (?:enlarged|widened)',
	},
	{
		kind: 'negation',
		pre: true,
		post: true,
		pattern:
			'(?:has |have |had )?(?:been )?(?:completely |entirely |largely )?(?:resolved|removed|discontinued)|' +
			'removal(?: of)?|resolution of',
	},
	{
		kind: 'negation',
		pre: false,
		post: true,
		pattern:
			'(?:is |are |was |were )?(?:no longer|not) (?:\\w+ )?(?:seen|identified|present|visualized|visible|' +
			'appreciated|evident|demonstrated|detected|noted|observed|apparent|imaged|included)',
	},
	{ kind: 'negation', pre: false, post: true, pattern: '(?:is |are )?absent' },
	{
		kind: 'negation',
		pre: true,
		post: false,
		pattern: 'no longer|no|not|without|absence of|negative for|free of|clear of|ruled out|neither|nor|never',
	},
	{
		kind: 'uncertainty',
		pre: false,
		post: true,
		pattern:
			'(?:is|are) (?:possible|likely|probable|suspected|questioned|questionable|a consideration|considered)|' +
			'(?:may|might|could) (?:also )?be (?:present|seen|noted)',
	},
	// Bare "likely" looks back only at the end of a clause ("atelectasis, likely"), not in
	// "opacity likely reflects atelectasis".
	{
		kind: 'uncertainty',
		pre: false,
		post: true,
		pattern: '(?:possible|likely|probable|suspected|questioned)(?= ?(?:,|\\?|$))',
	},
	// "X versus Y" hedges its two neighbours only, not the list before them.
	{ kind: 'uncertainty', pre: true, post: true, nearestOnly: true, pattern: 'versus|vs\\.?' },
	// A question mark hedges what it follows or precedes ("?pneumonia", "pneumonia?").
	{ kind: 'uncertainty', pre: true, post: true, pattern: '\\?' },
	// Hedges that a negation before them does not undo: "no findings to suggest pneumonia" is a negative.
	{
		kind: 'uncertainty',
		pre: true,
		post: false,
		keepsNegation: true,
		pattern:
			'suspicious (?:for|of)|concerning for|concern for|worrisome for|suggestive of|suggest(?:s|ing|ed)?|' +
			'to indicate',
	},
	{
		kind: 'uncertainty',
		pre: true,
		post: false,
		pattern: [
			'may',
			'might',
			'could',
			'possible',
			'possibly',
			'probable',
			'probably',
			'likely',
			'questionable',
			'question of',
			'suspected',
			'suspect',
			'presumed',
			'presumably',
			'potential(?:ly)?',
			'differential(?: diagnosis)?(?: includes?)?',
			'possibility of',
			'equivocal',
			'indeterminate',
			'uncertain',
			'borderline',
			'considered',
		].join('|'),
	},
];

/** Words that end every cue's reach: a new clause. */
export const clauseBreakers = '\\b(?:but|however|although|though|whereas|yet|which|while|otherwise)\\b|[;:]';

/** Words that end a negation's forward reach ("no pneumothorax with the chest tube in place"). */
export const negationStoppers =
	'\\b(?:with|status post|in the setting of|given|after|following|since|other than|except(?: for)?|apart from|' +
	'aside from|besides|and (?:there|the|is|are|it))\\b|s/p';

/**
 * Words allowed between a mention and a cue after it ("effusion on the left has resolved"), and between
 * the items of a list that a cue after it covers ("effusion or pneumothorax is not seen").
 */
export const postFillerWords = new Set(
	(
		'is are was were be been has have had seen now also still again completely entirely totally largely ' +
		'essentially previously prior noted described demonstrated identified in on at of the a an left right ' +
		'bilateral bilaterally base bases apex apices lobe lobes lower upper middle lung lungs side sides zone ' +
		'zones study radiograph exam examination there this these that'
	).split(' '),
);

export const listWords = new Set(
	(
		'and or nor , / small large tiny trace minimal mild moderate severe significant focal new acute left right ' +
		'bilateral bibasilar basilar apical basal pleural lobar lower upper lobe definite obvious overt residual ' +
		'displaced rib pulmonary frank the a an any layering loculated subsegmental patchy linear plate-like plate ' +
		'like discrete'
	).split(' '),
);
