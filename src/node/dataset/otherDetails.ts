import { phantomDevices } from '../../common/phantoms/PhantomCase.js';
import type { Device, Grade, PhantomFindings, Side, Zone } from '../../common/phantoms/PhantomCase.js';
import type { Prng } from '../../common/phantoms/Prng.js';

/**
 * The findings of a context-only report (as a reader's edited report or a wrong draft is: not the image's):
 * the same findings, each side, grade or zone changed with even odds, and with even odds another set of
 * devices (one dropped, added or swapped; never none, so the labels stay the image's).
 */
export function otherDetails(f: PhantomFindings, pick: Prng): PhantomFindings {
	const flip = <T>(value: T, others: readonly T[]): T => (pick.chance(0.5) ? pick.pick(others) : value);
	const side = (s: Side): Side => flip(s, [s === 'left' ? 'right' : 'left'] as const);
	const sides = (s: readonly Side[]): Side[] =>
		s.length === 2 ? (pick.chance(0.5) ? [pick.pick(['left', 'right'] as const)] : [...s]) : [side(s[0]!)];
	const grade = (g: Grade): Grade =>
		flip(
			g,
			(['small', 'moderate', 'large'] as const).filter((x) => x !== g),
		);
	const zone = (z: Zone): Zone =>
		flip(
			z,
			(['upper', 'middle', 'lower'] as const).filter((x) => x !== z),
		);
	return {
		...f,
		effusion: f.effusion && { sides: sides(f.effusion.sides), grade: grade(f.effusion.grade) },
		pneumothorax: f.pneumothorax && { side: side(f.pneumothorax.side), grade: grade(f.pneumothorax.grade) },
		consolidation: f.consolidation && { ...f.consolidation, side: side(f.consolidation.side) },
		opacity: f.opacity && { side: side(f.opacity.side), zone: zone(f.opacity.zone) },
		edema: f.edema && { grade: flip(f.edema.grade, [f.edema.grade === 'mild' ? 'moderate' : 'mild'] as const) },
		atelectasis: f.atelectasis && { sides: sides(f.atelectasis.sides) },
		lesion: f.lesion && { ...f.lesion, side: side(f.lesion.side), zone: zone(f.lesion.zone) },
		fracture: f.fracture && { ...f.fracture, side: side(f.fracture.side) },
		devices: f.devices.length && pick.chance(0.5) ? otherDevices(f.devices, pick) : f.devices,
	};
}

/** Another non-empty set of devices, one changed: dropped (if one stays), added, or swapped for another. */
function otherDevices(devices: readonly Device[], pick: Prng): Device[] {
	const absent = phantomDevices.filter((d) => !devices.includes(d));
	const ways = [...(devices.length > 1 ? ['drop'] : []), ...(absent.length ? ['add', 'swap'] : [])];
	if (!ways.length) return [...devices];
	const way = pick.pick(ways);
	const gone = way === 'add' ? null : pick.pick(devices);
	const come = way === 'drop' ? null : pick.pick(absent);
	return phantomDevices.filter((d) => (devices.includes(d) && d !== gone) || d === come);
}
