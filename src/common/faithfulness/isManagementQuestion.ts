// Asking for a decision: "should", "does he need", "is ... indicated", "would you recommend".
const decisionCue =
	/\b(?:should|shall|ought|must|needs?|needed|require[sd]?|indicated|recommend\w*|advis\w*|would you|do we|can we|is it (?:safe|ok|okay|time) to|worth)\b/;
// A treatment or procedure a clinician decides on.
const intervention =
	/\b(?:drain\w*|chest tubes?|thoracostomy|thoracoc?entesis|pleurodesis|tap(?:ped|ping)?|antibiotic\w*|diuretic\w*|furosemide|steroid\w*|anticoagul\w*|heparin|medicat\w*|drugs?|dose|prescri\w*|operat\w*|surgery|surgical|resect\w*|biops\w*|bronchoscop\w*|intubat\w*|extubat\w*|ventilat\w*|oxygen|transfus\w*|chemo\w*|radiotherapy|admi(?:t|tted|ssion)|discharg\w*|icu|insert\w*|remov\w*|reposition\w*|pull(?:ed)? back|advance[d]?|procedure\w*|thrombolys\w*|aspirat\w*)\b/;
// Asking about management outright, whatever the wording.
const managementWord = /\b(?:treat\w*|therap\w*|manag\w*)\b/;

/**
 * Whether a question asks what to do for the patient (a treatment or a procedure: "Should this patient
 * get a chest drain?", "does he need antibiotics"): a decision of the treating clinician, which the
 * assistant must not answer as if it were one. Questions about what the image shows ("Is there a chest
 * drain?") are not.
 */
export function isManagementQuestion(question: string): boolean {
	const q = question.toLowerCase().replace(/[\u2018\u2019]/g, "'");
	return managementWord.test(q) || (decisionCue.test(q) && intervention.test(q));
}
