// cornerstone-core ships no types; these are the parts the viewer uses (cornerstone-core 2.x API).
declare module 'cornerstone-core' {
	export interface CornerstoneImage {
		imageId: string;
		minPixelValue: number;
		maxPixelValue: number;
		slope: number;
		intercept: number;
		windowCenter: number;
		windowWidth: number;
		getPixelData(): ArrayLike<number>;
		rows: number;
		columns: number;
		height: number;
		width: number;
		color: boolean;
		rgba?: boolean;
		invert: boolean;
		columnPixelSpacing?: number;
		rowPixelSpacing?: number;
		sizeInBytes: number;
		voiLUT?: VoiLut;
	}
	export interface VoiLut {
		firstValueMapped: number;
		numBitsPerEntry: number;
		lut: number[];
	}
	export interface Viewport {
		scale: number;
		translation: { x: number; y: number };
		voi: { windowWidth: number; windowCenter: number };
		invert: boolean;
		pixelReplication: boolean;
		rotation: number;
		hflip: boolean;
		vflip: boolean;
		voiLUT?: VoiLut | undefined;
	}
	export function enable(element: HTMLElement, options?: Record<string, unknown>): void;
	export function disable(element: HTMLElement): void;
	export function registerImageLoader(
		scheme: string,
		loader: (imageId: string) => { promise: Promise<CornerstoneImage>; cancelFn?: () => void },
	): void;
	export function loadAndCacheImage(imageId: string): Promise<CornerstoneImage>;
	export function displayImage(element: HTMLElement, image: CornerstoneImage, viewport?: Partial<Viewport>): void;
	export function getViewport(element: HTMLElement): Viewport | undefined;
	export function setViewport(element: HTMLElement, viewport: Partial<Viewport>): void;
	export function getDefaultViewportForImage(element: HTMLElement, image: CornerstoneImage): Viewport;
	export function reset(element: HTMLElement): void;
	export function fitToWindow(element: HTMLElement): void;
	export function resize(element: HTMLElement, fitViewportToWindow?: boolean): void;
	export function pageToPixel(element: HTMLElement, pageX: number, pageY: number): { x: number; y: number };
	export function pixelToCanvas(element: HTMLElement, p: { x: number; y: number }): { x: number; y: number };
	export function getStoredPixels(
		element: HTMLElement,
		x: number,
		y: number,
		width: number,
		height: number,
	): number[];
	export function getEnabledElement(element: HTMLElement): { image?: CornerstoneImage };
	export const imageCache: { purgeCache(): void };
	export const EVENTS: { IMAGE_RENDERED: string };
}
