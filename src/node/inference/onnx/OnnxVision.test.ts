import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { testModelsDir } from '../../../../test/fixtures/testModels.js';
import { syntheticImage } from '../../../../test/fixtures/testImages.js';
import { readModelSet } from '../loadModelSet.js';
import { OnnxVision } from './OnnxVision.js';

/** A copy of the image as another object, so nothing computed for the first can be reused. */
const copy = (image: ReturnType<typeof syntheticImage>['image']) => ({ ...image, pixels: image.pixels.slice() });

async function sameOutputsForOneImageObject(modelsDir: string): Promise<void> {
	const vision = await OnnxVision.open(readModelSet(modelsDir), 1);
	try {
		const { image } = syntheticImage(9);
		const findings = await vision.classify(image);
		const embeddings = await vision.encode(image);
		assert.deepEqual(embeddings, await vision.encode(copy(image)));
		assert.deepEqual(findings, await vision.classify(copy(image)));
	} finally {
		await vision.close();
	}
}

test('one image classified then encoded: each model gets its own preprocessing (test models: crops differ)', () =>
	sameOutputsForOneImageObject(testModelsDir()));

test('one image classified then encoded: a preprocessing both models share gives what each alone gives', () =>
	sameOutputsForOneImageObject(path.resolve('models', 'demo')));
