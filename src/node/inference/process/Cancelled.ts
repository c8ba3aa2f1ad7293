/** A call cancelled before the model process began it. */
export class Cancelled extends Error {
	override readonly name = 'Cancelled';
}
