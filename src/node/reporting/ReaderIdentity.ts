/** The reader at the workstation: the name that signs, edits and decides ('' while none is set). */
export interface ReaderIdentity {
	readerName(): string;
}
