import { execFileSync } from 'node:child_process';

/**
 * Writes a radiograph-like DICOM image (explicit VR little endian, 12 of 16 bits): smooth anatomy-scale
 * shading plus detector noise, seeded, so the decoder benches compress and decode the same kind of pixels.
 */
export function writeRadiographLike(file: string, rows: number, columns: number): void {
	execFileSync('/usr/bin/python3', ['-c', script, file, String(rows), String(columns)]);
}

const script = `
import sys, numpy as np, pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid
r, c = int(sys.argv[2]), int(sys.argv[3])
y, x = np.mgrid[0:r, 0:c]
rng = np.random.default_rng(1)
img = (1800 + 900*np.sin(x/310.0)*np.cos(y/420.0)
       + 600*np.exp(-((x-c/2)**2 + (y-r/2)**2)/(2*700.0**2)) + rng.normal(0, 25, (r, c)))
px = np.clip(img, 0, 4095).astype(np.uint16)
ds = Dataset(); m = FileMetaDataset()
m.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.1.1'; m.MediaStorageSOPInstanceUID = generate_uid()
m.TransferSyntaxUID = ExplicitVRLittleEndian
ds.file_meta = m; ds.SOPClassUID = m.MediaStorageSOPClassUID; ds.SOPInstanceUID = m.MediaStorageSOPInstanceUID
ds.StudyInstanceUID = generate_uid(); ds.SeriesInstanceUID = generate_uid()
ds.PatientName = 'Bench'; ds.PatientID = 'B1'; ds.Modality = 'DX'
ds.Rows, ds.Columns = r, c; ds.SamplesPerPixel = 1; ds.PhotometricInterpretation = 'MONOCHROME2'
ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
ds.PixelData = px.tobytes(); ds.is_little_endian, ds.is_implicit_VR = True, False
ds.save_as(sys.argv[1], write_like_original=False)
`;
