#!/usr/bin/python3
"""Writes one small synthetic DICOM image with pydicom, for tests: python3 makeDicomFixture.py OUT.dcm KIND [key=value...]

KIND: dx16 (16-bit allocated, 12 stored, MONOCHROME2), dx16signed, mono1, dx8, rgb, multiframe.
The pixel pattern is a pure function of (x, y, frame) so tests can recompute it.
Extra key=value pairs set header fields: patient, pid, study, series, sop, rows, cols, view, date,
pixelspacing and imagerspacing ('row/col' in mm, or 'none'; default pixel spacing 0.2/0.2, no imager
spacing), orientation (Patient Orientation, 'row/col' letters, e.g. L/F; default none),
birth, sex, age (empty: none), accession, description, referrer.
"""
import sys
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

out, kind = sys.argv[1], sys.argv[2]
opts = dict(a.split('=', 1) for a in sys.argv[3:])
rows, cols = int(opts.get('rows', 64)), int(opts.get('cols', 48))
frames = 3 if kind == 'multiframe' else 1

y, x = np.mgrid[0:rows, 0:cols]
def pattern(f):
    return (x * 7 + y * 13 + ((x * y) % 97) + f * 101) % 4096

ds = Dataset()
meta = FileMetaDataset()
meta.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.1.1'
meta.MediaStorageSOPInstanceUID = opts.get('sop', generate_uid())
meta.TransferSyntaxUID = ExplicitVRLittleEndian
ds.file_meta = meta
ds.SOPClassUID = meta.MediaStorageSOPClassUID
ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
ds.StudyInstanceUID = opts.get('study', generate_uid())
ds.SeriesInstanceUID = opts.get('series', generate_uid())
ds.PatientName = opts.get('patient', 'Phantom^Test')
ds.PatientID = opts.get('pid', 'PID-1')
ds.PatientSex = opts.get('sex', 'O')
if opts.get('age', '050Y'):
    ds.PatientAge = opts.get('age', '050Y')
if 'issuer' in opts:
    ds.IssuerOfPatientID = opts['issuer']
if 'birth' in opts:
    ds.PatientBirthDate = opts['birth']
if 'referrer' in opts:
    ds.ReferringPhysicianName = opts['referrer']
if any(ord(c) > 127 for c in ''.join(opts.values())):
    ds.SpecificCharacterSet = 'ISO_IR 192'
ds.StudyDate = opts.get('date', '20240102')
ds.StudyTime = opts.get('time', '101500')
ds.AccessionNumber = opts.get('accession', 'ACC1')
ds.StudyDescription = opts.get('description', 'Chest PA/LAT')
ds.Modality = 'DX'
ds.BodyPartExamined = 'CHEST'
ds.ViewPosition = opts.get('view', 'PA')
ds.SeriesNumber = 1
ds.InstanceNumber = 1
ds.Rows, ds.Columns = rows, cols
def spacing(name, default):
    v = opts.get(name, default)
    return None if v == 'none' else [float(p) for p in v.split('/')]
if spacing('pixelspacing', '0.2/0.2'): ds.PixelSpacing = spacing('pixelspacing', '0.2/0.2')
if spacing('imagerspacing', 'none'): ds.ImagerPixelSpacing = spacing('imagerspacing', 'none')
if opts.get('orientation'): ds.PatientOrientation = opts['orientation'].split('/')
if kind == 'rgb':
    px = np.stack([pattern(0) % 256, (pattern(1) // 3) % 256, (x * 5) % 256], axis=-1).astype(np.uint8)
    ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PlanarConfiguration = 3, 'RGB', 0
    ds.BitsAllocated = ds.BitsStored = 8; ds.HighBit = 7; ds.PixelRepresentation = 0
elif kind == 'dx8':
    px = (pattern(0) % 256).astype(np.uint8)
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, 'MONOCHROME2'
    ds.BitsAllocated = ds.BitsStored = 8; ds.HighBit = 7; ds.PixelRepresentation = 0
else:
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = 'MONOCHROME1' if kind == 'mono1' else 'MONOCHROME2'
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 12, 11
    signed = kind == 'dx16signed'
    ds.PixelRepresentation = 1 if signed else 0
    stack = np.stack([pattern(f) for f in range(frames)])
    px = (stack - 2048).astype(np.int16) if signed else stack.astype(np.uint16)
    if frames == 1: px = px[0]
    else: ds.NumberOfFrames = frames
    ds.WindowCenter, ds.WindowWidth = 2048, 4096
    ds.RescaleSlope, ds.RescaleIntercept = 1, (-1024 if signed else 0)
if opts.get('voilut'):
    # A VOI LUT (0028,3010) mapping stored values 0..4095 to a 0..255 ramp through a square-root curve.
    lut = Dataset()
    lut.LUTDescriptor = [4096, 0, 16]
    lut.LUTData = np.array([int(255 * (v / 4095) ** 0.5) for v in range(4096)], dtype='<u2').tobytes()
    lut.LUTExplanation = 'SQRT'
    ds.VOILUTSequence = [lut]
ds.PixelData = px.tobytes()
ds.is_little_endian, ds.is_implicit_VR = True, False
ds.save_as(out, write_like_original=False)
