/**
 * The kinds of support device a text can place or remove, read from a Support Devices mention of the
 * labeler (after plain words were rewritten, so "breathing tube" arrives as "endotracheal tube"). The
 * first kind whose pattern matches the mention names it; a mention no kind matches ("tubes and lines",
 * "devices") is the CheXpert label itself. `lateral`: the side of the device is worth comparing.
 */
export interface DeviceKind {
	readonly name: string;
	readonly pattern: RegExp;
	readonly lateral: boolean;
}

export const deviceKinds: readonly DeviceKind[] = [
	{ name: 'tracheostomy tube', pattern: /tracheostomy|\btrach\b/, lateral: false },
	{ name: 'endotracheal tube', pattern: /endotracheal|\bet tubes?|\bett\b/, lateral: false },
	{
		name: 'nasogastric tube',
		pattern: /nasogastric|orogastric|enteric|feeding|\bng\b|\bog\b|dobhoff|gastric|nasoenteric|nasojejunal/,
		lateral: false,
	},
	{ name: 'chest tube', pattern: /chest tube|thoracostomy|pigtail|drain/, lateral: true },
	{
		name: 'central line',
		pattern: /central|picc|port|midline|swan|pulmonary artery|dialysis|\bij\b|subclavian|jugular|venous/,
		lateral: true,
	},
	{ name: 'pacemaker', pattern: /pacemaker|pacer|pacing|icd|defibrillator/, lateral: true },
	{ name: 'sternotomy wires', pattern: /sternotomy|sternal/, lateral: false },
	{ name: 'prosthetic valve', pattern: /valve/, lateral: false },
	{ name: 'intra-aortic balloon pump', pattern: /balloon|iabp/, lateral: false },
];
