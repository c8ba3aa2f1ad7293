#!/usr/bin/env python3
"""Writes a copy of a DICOM file whose header disagrees with its pixel data, the damage seen from
broken senders and hand-edited files. Usage: mutatePixelHeader.py IN OUT MUTATION

Mutations: ts=<uid> (relabel the transfer syntax only), set=<Keyword>:<value> (one attribute,
raw string value), truncate-fragment, garbage-fragment."""
import random
import sys

import pydicom
from pydicom import config
from pydicom.encaps import encapsulate, generate_pixel_data_frame
from io import BytesIO

from pydicom.dataelem import DataElement
from pydicom.filebase import DicomFileLike
from pydicom.filewriter import write_file_meta_info
from pydicom.uid import UID

config.settings.reading_validation_mode = config.IGNORE
config.settings.writing_validation_mode = config.IGNORE

src, dst, mutation = sys.argv[1], sys.argv[2], sys.argv[3]
ds = pydicom.dcmread(src)
encapsulated = ds.file_meta.TransferSyntaxUID.is_compressed


def frames():
    count = int(getattr(ds, "NumberOfFrames", 1) or 1)
    return [bytes(f) for f in generate_pixel_data_frame(ds.PixelData, count)]


if mutation.startswith("ts="):
    # Only the label changes; the pixel data element keeps its form (encapsulated or native).
    pass  # written below, after the data set, because pydicom would re-encode the pixels to suit it
elif mutation.startswith("set="):
    keyword, value = mutation[4:].split(":", 1)
    tag = pydicom.datadict.tag_for_keyword(keyword)
    vr = pydicom.datadict.dictionary_VR(keyword)
    # DS and IS are written as given, so "NaN" and "1e308" reach the file as a sender wrote them.
    ds[tag] = DataElement(tag, vr, int(value) if vr in ("US", "SS") else value)
elif mutation == "truncate-fragment":
    first = frames()[0]
    ds.PixelData = encapsulate([first[: len(first) // 2 & ~1]])
elif mutation == "garbage-fragment":
    first = frames()[0]
    rng = random.Random(7)
    ds.PixelData = encapsulate([bytes(rng.randrange(256) for _ in range(len(first) & ~1))])
else:
    sys.exit(f"unknown mutation {mutation}")

if mutation in ("truncate-fragment", "garbage-fragment"):
    ds["PixelData"].is_undefined_length = True
    if int(getattr(ds, "NumberOfFrames", 1) or 1) > 1:
        ds.NumberOfFrames = 1
ds.save_as(dst, write_like_original=False)

if mutation.startswith("ts="):
    # Swap the File Meta group for one naming the other syntax; the data set bytes stay as they were.
    with open(dst, "rb") as f:
        data = f.read()
    group_length = int.from_bytes(data[140:144], "little")
    body = data[144 + group_length :]
    ds.file_meta.TransferSyntaxUID = UID(mutation[3:])
    meta = BytesIO()
    write_file_meta_info(DicomFileLike(meta), ds.file_meta, enforce_standard=True)
    with open(dst, "wb") as f:
        f.write(data[:132] + meta.getvalue() + body)
