/** Where the reader's place in the reading day is kept between launches: one JSON document. */
export interface UiStateStorage {
	/** The stored document, or null before the first save. */
	read(): string | null;
	write(json: string): void;
}
