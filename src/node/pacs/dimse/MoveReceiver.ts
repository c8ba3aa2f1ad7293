import dimse from 'dcmjs-dimse';
import { StoringScp, type StoreArrived } from './StoringScp.js';
import { MovePortBusyError } from './MovePortBusyError.js';
import { retrievedImageClasses, retrievedTransferSyntaxes } from './retrievedImageClasses.js';

const { Server, constants, log } = dimse;
const { PresentationContextResult, RejectResult, RejectSource, RejectReason } = constants;
const images = new Set(retrievedImageClasses);
const syntaxes = new Set(retrievedTransferSyntaxes);

/**
 * The C-STORE listener a C-MOVE sends the images to, open only while one retrieval runs: each image of
 * the awaited study goes to the retrieval (its checks, its progress), not to the general receiver.
 */
export class MoveReceiver {
	private error: Error | null = null;

	private constructor(private readonly server: InstanceType<typeof Server>) {}

	/** The first image the retrieval refused, if any; later ones were refused too. */
	get refused(): Error | null {
		return this.error;
	}

	static async listen(port: number, aeTitle: string, onStore: StoreArrived): Promise<MoveReceiver> {
		// The library logs to stdout, where the command line prints only its answer.
		log.setLevel('silent');
		let receiver: MoveReceiver | null = null;
		const refuse = (error: Error) => {
			if (receiver) receiver.error ??= error;
		};
		const server = new Server(moveScp(aeTitle, onStore, () => receiver?.error ?? null, refuse));
		await new Promise<void>((resolve, reject) => {
			server.on('listening', () => resolve());
			server.on('networkError', (e: Error) => reject(new MovePortBusyError(port, e.message)));
			server.listen(port);
		});
		receiver = new MoveReceiver(server);
		return receiver;
	}

	close(): void {
		this.server.close();
	}
}

function moveScp(
	aeTitle: string,
	onStore: StoreArrived,
	refusedAlready: () => Error | null,
	refuse: (error: Error) => void,
): typeof StoringScp {
	return class MoveScp extends StoringScp {
		override associationRequested(association: dimse.association.Association): void {
			if (association.getCalledAeTitle().trim() !== aeTitle) {
				this.sendAssociationReject(
					RejectResult.Permanent,
					RejectSource.ServiceUser,
					RejectReason.CalledAeNotRecognized,
				);
				return;
			}
			for (const { id } of association.getPresentationContexts()) {
				const context = association.getPresentationContext(id);
				const pick = context.getTransferSyntaxUids().find((ts) => syntaxes.has(ts));
				if (!images.has(context.getAbstractSyntaxUid())) {
					context.setResult(PresentationContextResult.RejectAbstractSyntaxNotSupported);
				} else if (pick) context.setResult(PresentationContextResult.Accept, pick);
				else context.setResult(PresentationContextResult.RejectTransferSyntaxesNotSupported);
			}
			this.sendAssociationAccept();
		}

		override cStoreRequest(
			request: dimse.requests.CStoreRequest,
			callback: (r: dimse.responses.CStoreResponse) => void,
		): void {
			this.storeArrived(request, callback, { store: onStore, refused: refuse, earlier: refusedAlready() });
		}

		override associationReleaseRequested(): void {
			this.sendAssociationReleaseResponse();
		}
	};
}
